using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;

namespace Force12.Queues.Testing.Configuration;

/// <summary>
/// A source kind <c>stub</c> with one optional setting, <c>group</c>: lets an orchestrator plugin's tests read a whole
/// agent configuration (pipelines need a source) without a real source plugin. Creates no collector.
/// </summary>
public sealed class StubSourceProvider : ILagSourceProvider
{
    /// <inheritdoc />
    public string Kind => "stub";

    /// <inheritdoc />
    public IReadOnlyList<string> Keys { get; } = ["kind", "group"];

    /// <inheritdoc />
    public ILagSource? Read(SectionReader settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new Source(settings.Text("group") ?? "none");
    }

    private sealed record Source(string Group) : ILagSource
    {
        public string Kind => "stub";

        public string Description => $"stub group {Group}";

        public ILagCollector CreateCollector(LagCollectorContext context) =>
            throw new NotSupportedException("configuration tests create no collectors");
    }
}
