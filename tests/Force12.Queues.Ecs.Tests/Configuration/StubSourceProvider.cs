using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;

namespace Force12.Queues.Ecs.Tests.Configuration;

/// <summary>A source kind "stub" with no settings, so that a pipeline can be read around its orchestrator.</summary>
internal sealed class StubSourceProvider : ILagSourceProvider
{
    public string Kind => "stub";

    public IReadOnlyList<string> Keys { get; } = ["kind"];

    public ILagSource? Read(SectionReader settings) => new Source();

    private sealed record Source : ILagSource
    {
        public string Kind => "stub";

        public string Description => "stub";

        public ILagCollector CreateCollector(LagCollectorContext context) =>
            throw new NotSupportedException("configuration tests create no collectors");
    }
}
