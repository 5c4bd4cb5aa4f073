using System.Diagnostics;
using Confluent.Kafka;
using Force12.Queues.Testing;

namespace Force12.Queues.Tools.Tests.Commands;

public sealed class KafkaMockCommandTests
{
    [Fact]
    [Trait(TestCategories.Key, TestCategories.Integration)]
    public async Task KafkaMock_AsChildProcess_ServesKafkaAndExitsCleanlyOnSigterm()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "force12.dll");
        Assert.True(File.Exists(cli), $"{cli} is missing: the CLI must be built next to the tests");
        var start = new ProcessStartInfo("dotnet", [cli, "kafka-mock", "--brokers", "3", "--topic", "bulbs:12"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        try
        {
            var bootstrap = await ReadBootstrapAsync(process);
            Assert.Equal(3, bootstrap.Split(',').Length);

            using (var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = bootstrap }).Build())
            {
                var delivered = await producer.ProduceAsync(new TopicPartition("bulbs", 11), new Message<Null, string> { Value = "dark" });
                Assert.Equal(11, delivered.Partition.Value);
            }

            using (var consumer = new ConsumerBuilder<Ignore, string>(new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "cli-test" }).Build())
            {
                consumer.Assign(new TopicPartitionOffset("bulbs", 11, Offset.Beginning));
                Assert.Equal("dark", consumer.Consume(TimeSpan.FromSeconds(10))?.Message.Value);
            }

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await process.WaitForExitAsync(exited.Token);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("Stopped.", await process.StandardOutput.ReadToEndAsync(), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [Theory]
    [InlineData("--topic", "bulbs:zero")]
    [InlineData("--topic", "bulbs:3:2")]    // replication above the single broker
    [InlineData("--brokers", "0")]
    public async Task KafkaMock_BadArguments_ExitsTwoNamingTheOption(params string[] args)
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(["kafka-mock", .. args]);

        Assert.Equal(ExitCodes.BadArguments, exitCode);
        Assert.Contains(args[0], error, StringComparison.Ordinal);
    }

    private static async Task<string> ReadBootstrapAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("bootstrap: ", StringComparison.Ordinal))
            {
                return line["bootstrap: ".Length..].Trim();
            }
        }

        Assert.Fail($"kafka-mock exited without a bootstrap line: {await process.StandardError.ReadToEndAsync()}");
        return string.Empty;
    }
}
