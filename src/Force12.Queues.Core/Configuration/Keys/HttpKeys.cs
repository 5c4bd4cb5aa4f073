namespace Force12.Queues.Core.Configuration;

/// <summary>The keys of the <c>http</c> section.</summary>
public static class HttpKeys
{
    /// <summary><c>address</c>: host:port the endpoints bind to.</summary>
    public const string Address = "address";

    /// <summary>Every key accepted in <c>http</c>.</summary>
    public static IReadOnlyList<string> All { get; } = [Address];
}
