using Force12.Queues.Core.Scaling;

namespace Force12.Queues.Core.Tests.Scaling;

/// <summary>A random but valid policy configuration and input, for FsCheck properties.</summary>
public sealed record PolicyScenario(SlaPolicyOptions Options, PolicyInput Input)
{
    public override string ToString() => $"{Options} | {Input}";
}
