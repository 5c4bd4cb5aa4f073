using Microsoft.Extensions.Hosting;

namespace Force12.Queues.Samples.Bulbs;

/// <summary>Role <c>processor</c>: <c>BULBS_SOURCE</c> picks the queue it consumes, <c>kafka</c> (default, <see cref="ProcessorRole"/>) or <c>kinesis</c> (<see cref="KinesisProcessorRole"/>).</summary>
internal static class ProcessorSource
{
    public static bool Configure(HostApplicationBuilder builder, SampleSettings settings)
    {
        switch (settings.Text("BULBS_SOURCE", "kafka"))
        {
            case "kafka":
                return ProcessorRole.Configure(builder, settings);
            case "kinesis":
                return KinesisProcessorRole.Configure(builder, settings);
            case var other:
                settings.Errors.Add($"BULBS_SOURCE must be kafka or kinesis (was '{other}')");
                return false;
        }
    }
}
