using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Force12.Queues.Testing;

namespace Force12.Queues.Agent.Tests.Composition;

/// <summary><c>force12-agent run</c> as a real child process: SIGTERM is a requested stop and exits 0 (issue 17).</summary>
[Trait(TestCategories.Key, TestCategories.Integration)] // starts a real agent process
public sealed class RunProcessExitCodeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("force12-run-exit-").FullName;

    [Fact]
    public async Task Run_Sigterm_StopsTheHostAndExitsZero()
    {
        var port = FreePort();
        var config = Path.Combine(_folder, "agent.yaml");
        await File.WriteAllTextAsync(config, $"""
            http:
              address: 127.0.0.1:{port}
            capacity:
              podSlots: 2
            orchestrators:
              process:
                stateDirectory: {Path.Combine(_folder, "pods")}
            pipelines:
              bulbs:
                sla: 10s
                minPods: 0
                maxPods: 1
                fallbackAfterFailedPolls: 1000
                source:
                  kind: kafka
                  bootstrapServers: 127.0.0.1:1
                  group: bulbs
                  topics: [bulbs]
                orchestrator: process
                pod:
                  containers:
                    - name: main
                      command: sleep
                      args: ["30"]
            """);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "force12-agent.dll"), "run", "-c", config })
        {
            start.ArgumentList.Add(arg);
        }

        using var agent = Process.Start(start)!;
        var output = agent.StandardOutput.ReadToEndAsync();
        var error = agent.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            await Eventually.HoldsAsync(async () => await AnswersAsync(http, port), TimeSpan.FromSeconds(60), () => "the agent never answered /healthz");

            using (var kill = Process.Start("kill", ["-TERM", agent.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await agent.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(agent.ExitCode == ExitCodes.Success, $"exit code {agent.ExitCode}\n{await error}\n{await output}");
            Assert.DoesNotContain("the agent failed", await error, StringComparison.Ordinal);
        }
        finally
        {
            if (!agent.HasExited)
            {
                agent.Kill(entireProcessTree: true);
            }
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<bool> AnswersAsync(HttpClient http, int port)
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
