namespace Force12.Queues.Samples.Bulbs.Tests;

internal static class Signals
{
    public const int SigKill = 9;
    public const int SigTerm = 15;
}
