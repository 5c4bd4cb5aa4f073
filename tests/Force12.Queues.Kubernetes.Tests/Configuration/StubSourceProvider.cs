using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Lag;

namespace Force12.Queues.Kubernetes.Tests.Configuration;

/// <summary>A source kind "stub" without settings, so configuration tests exercise only the orchestrator side.</summary>
internal sealed class StubSourceProvider : ILagSourceProvider
{
    public string Kind => "stub";

    public IReadOnlyList<string> Keys { get; } = ["kind"];

    public ILagSource? Read(SectionReader settings) => new Source();

    private sealed record Source : ILagSource
    {
        public string Kind => "stub";

        public string Description => "stub source";

        public ILagCollector CreateCollector(LagCollectorContext context) =>
            throw new NotSupportedException("configuration tests create no collectors");
    }
}
