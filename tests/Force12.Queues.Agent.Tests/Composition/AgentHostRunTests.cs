using Force12.Queues.Agent.Composition;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Agent.Tests.Composition;

/// <summary>The exit code of <c>force12 run</c>: 0 only for a requested stop, 1 with the reason when the host fails (issue 17).</summary>
public sealed class AgentHostRunTests
{
    private const string Address = "127.0.0.1:8412";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RunAsync_BackgroundServiceFails_ExitsWithFailureAndTheReasonOnStderr()
    {
        using var host = BuildHost(services => services.AddHostedService<FailingLoop>());
        using var error = new StringWriter();

        var exitCode = await AgentHostRun.RunAsync(host, Address, error, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Equal("the agent failed: InvalidOperationException: the control loop broke", error.ToString().TrimEnd());
    }

    [Fact]
    public async Task RunAsync_RequestedStop_ExitsWithSuccessAndWritesNothing()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var host = BuildHost(services => services.AddHostedService(_ => new IdleLoop(started)));
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();

        var run = AgentHostRun.RunAsync(host, Address, error, stop.Token);
        await started.Task.WaitAsync(Patience);
        stop.Cancel();

        Assert.Equal(ExitCodes.Success, await run.WaitAsync(Patience));
        Assert.Empty(error.ToString());
    }

    [Fact]
    public async Task RunAsync_HttpAddressTaken_ExitsWithFailureNamingTheAddress()
    {
        using var host = BuildHost(services => services.AddHostedService(_ => new FailingStart(new IOException("Address already in use"))));
        using var error = new StringWriter();

        var exitCode = await AgentHostRun.RunAsync(host, Address, error, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Equal($"cannot serve HTTP on {Address}: Address already in use", error.ToString().TrimEnd());
    }

    [Fact]
    public async Task RunAsync_HostCannotStart_ExitsWithFailureAndTheReason()
    {
        using var host = BuildHost(services => services.AddHostedService(_ => new FailingStart(new InvalidOperationException("no engine"))));
        using var error = new StringWriter();

        var exitCode = await AgentHostRun.RunAsync(host, Address, error, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Equal("the agent failed: InvalidOperationException: no engine", error.ToString().TrimEnd());
    }

    private static IHost BuildHost(Action<IServiceCollection> register)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        register(builder.Services);
        return builder.Build();
    }

    private sealed class FailingLoop : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("the control loop broke");
        }
    }

    private sealed class IdleLoop(TaskCompletionSource started) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // A requested stop ends the loop normally, as ControlLoop.RunAsync does.
            }
        }
    }

    private sealed class FailingStart(Exception failure) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.FromException(failure);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
