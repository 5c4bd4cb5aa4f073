namespace Force12.Queues.Agent.LivePage;

/// <summary>The live page, a single self-contained HTML file embedded in the assembly (no CDN: agents often run offline).</summary>
internal static class LivePageResource
{
    private static readonly Lazy<string> Content = new(Load);

    /// <summary>The page's HTML.</summary>
    public static string Html => Content.Value;

    private static string Load()
    {
        const string name = "Force12.Queues.Agent.LivePage.live.html";
        using var stream = typeof(LivePageResource).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
