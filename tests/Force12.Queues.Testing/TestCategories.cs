namespace Force12.Queues.Testing;

/// <summary>
/// The trait that splits the suite: <c>[Trait(TestCategories.Key, TestCategories.Integration)]</c> on every test class
/// that needs a running service (dockerd, RabbitMQ, kinesalite/dynalite, Prometheus, Chromium) or launches real
/// processes. Everything else is fast and in-process (librdkafka's mock cluster counts as in-process), so
/// <c>dotnet test Force12.Queues.sln --filter "Category!=Integration"</c> runs it without services.
/// </summary>
public static class TestCategories
{
    /// <summary>The trait name the filter reads: <c>Category</c>.</summary>
    public const string Key = "Category";

    /// <summary>Needs a running service or launches real processes; fails (never skips) when the service is missing.</summary>
    public const string Integration = "Integration";
}
