using Force12.Queues.Samples.Bulbs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The "bulbs" sample pipeline, one binary with three roles (the first argument):
//   processor     consumes lightbulb events from Kafka (or Kinesis with BULBS_SOURCE=kinesis), works on each, updates the pod's state cache,
//                 sends state changes to RabbitMQ (MassTransit), audits, and commits only after that
//   state-cache   the pod's second container: the bulb-state cache the processor updates over localhost
//   bulb-state    the downstream stage: consumes the state changes from the RabbitMQ queue
// Settings are environment variables (see each role's --help). SIGTERM stops gracefully; exit codes:
// 0 stopped, 1 failed, 2 bad settings.
var roles = new Dictionary<string, Func<HostApplicationBuilder, SampleSettings, bool>>(StringComparer.Ordinal)
{
    ["processor"] = ProcessorSource.Configure,
    ["state-cache"] = StateCacheRole.Configure,
    ["bulb-state"] = BulbStateRole.Configure,
};
if (args.Length == 0 || !roles.TryGetValue(args[0], out var configure))
{
    await Console.Error.WriteLineAsync($"usage: force12-bulbs <{string.Join("|", roles.Keys)}>  (settings from BULBS_* environment variables)");
    return 2;
}

var builder = Host.CreateApplicationBuilder(args[1..]);
builder.Logging.AddSimpleConsole(o =>
{
    o.SingleLine = true;
    o.TimestampFormat = "HH:mm:ss.fff ";
});
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
var settings = new SampleSettings(builder.Configuration, Environment.GetEnvironmentVariable("FORCE12_POD"));
var valid = configure(builder, settings);
if (!valid || settings.Errors.Count > 0)
{
    await Console.Error.WriteLineAsync($"force12-bulbs {args[0]}: {settings.Errors.Count} setting error(s)");
    foreach (var error in settings.Errors)
    {
        await Console.Error.WriteLineAsync($"  {error}");
    }

    return 2;
}

using var host = builder.Build();
await host.RunAsync();
return Environment.ExitCode;
