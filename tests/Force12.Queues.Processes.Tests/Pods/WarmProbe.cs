namespace Force12.Queues.Processes.Tests.Pods;

/// <summary>
/// Shell pods for the warm pod tests. The capable one follows docs/pod-contract.md (writes <c>warm</c> atomically,
/// waits for <c>consume</c>); the cold one ignores it. Both write <c>&lt;pod&gt;.consuming</c> in the probe folder
/// when they start consuming, then wait for SIGTERM.
/// </summary>
internal static class WarmProbe
{
    public const string FolderVariable = "WARM_PROBE_DIR";

    private const string Consume = "touch \"$WARM_PROBE_DIR/$FORCE12_POD.consuming\"; exec sleep 3600";

    public const string Capable =
        "if [ \"$FORCE12_WARM\" = 1 ]; then " +
        "echo \"$FORCE12_POD\" > \"$FORCE12_CONTROL_DIR/warm.tmp\" && mv \"$FORCE12_CONTROL_DIR/warm.tmp\" \"$FORCE12_CONTROL_DIR/warm\"; " +
        "while [ ! -e \"$FORCE12_CONTROL_DIR/consume\" ]; do sleep 0.05; done; fi; " + Consume;

    public const string Cold = Consume;

    public static bool IsConsuming(string folder, string podId) => File.Exists(Path.Combine(folder, podId + ".consuming"));

    public static int Consuming(string folder) => Directory.EnumerateFiles(folder, "*.consuming").Count();
}
