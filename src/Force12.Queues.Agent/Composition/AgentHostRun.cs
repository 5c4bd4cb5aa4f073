using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Force12.Queues.Agent.Composition;

/// <summary>
/// Runs the agent's host to its end and turns how it ended into the process exit code: <see cref="ExitCodes.Success"/>
/// only for a requested stop (Ctrl-C, SIGTERM, the run's cancellation token), <see cref="ExitCodes.Failure"/>
/// with the reason on the error stream when the host could not start or a background service (the control loop) failed
/// and stopped it. The host's own handling (<see cref="BackgroundServiceExceptionBehavior.StopHost"/>) stops the
/// process but returns normally, which alone would exit 0 and keep a supervisor from restarting the agent.
/// </summary>
internal static class AgentHostRun
{
    /// <summary>Runs <paramref name="host"/> until it stops and returns the exit code.</summary>
    /// <param name="host">The built agent host, not started.</param>
    /// <param name="httpAddress">The address the host serves HTTP on, for the message when it cannot bind.</param>
    /// <param name="error">Where the reason of a failure is written.</param>
    /// <param name="cancellationToken">Requests a stop.</param>
    public static async Task<int> RunAsync(IHost host, string httpAddress, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(error);
        // Found before the run: RunAsync disposes the host, and its services with it.
        var backgroundServices = host.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToArray();
        try
        {
            await HostingAbstractionsHostExtensions.RunAsync(host, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while starting: a requested stop all the same.
        }
        catch (IOException e)
        {
            await error.WriteLineAsync($"cannot serve HTTP on {httpAddress}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            // A background service that fails while the host is still starting stops the host, and the start then ends
            // in a TaskCanceledException (.NET 10 runs all of ExecuteAsync in the background): the service's failure is the reason.
            await error.WriteLineAsync($"the agent failed: {Describe(FailureOf(backgroundServices) ?? e)}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        if (FailureOf(backgroundServices) is { } failure)
        {
            await error.WriteLineAsync($"the agent failed: {Describe(failure)}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }

    /// <summary>The exception of the first background service that failed, or null when none did.</summary>
    private static Exception? FailureOf(IEnumerable<BackgroundService> services) =>
        services
            .Select(s => s.ExecuteTask)
            .FirstOrDefault(t => t is { IsFaulted: true })?.Exception?.InnerException;

    private static string Describe(Exception exception) => $"{exception.GetType().Name}: {exception.Message}";
}
