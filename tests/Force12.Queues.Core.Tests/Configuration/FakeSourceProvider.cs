using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;

namespace Force12.Queues.Core.Tests.Configuration;

/// <summary>A source kind "fake" with one required setting, "group", standing in for a real provider.</summary>
internal sealed class FakeSourceProvider : ILagSourceProvider
{
    public string Kind => "fake";

    public IReadOnlyList<string> Keys { get; } = ["kind", "group"];

    public ILagSource? Read(SectionReader settings)
    {
        var group = settings.Text("group", required: true);
        return group is null ? null : new Source(group);
    }

    private sealed record Source(string Group) : ILagSource
    {
        public string Kind => "fake";

        public string Description => $"fake group {Group}";

        public ILagCollector CreateCollector(LagCollectorContext context) =>
            throw new NotSupportedException("validation tests create no collectors");
    }
}
