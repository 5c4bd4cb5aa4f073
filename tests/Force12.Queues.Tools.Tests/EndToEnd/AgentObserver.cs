using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Docker.DotNet;
using Docker.DotNet.Models;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Tools.Tests.EndToEnd;

/// <summary>One pipeline's status as /api/status serves it, reduced to what the end-to-end test checks.</summary>
internal sealed record PipelineView(long Tick, DateTimeOffset At, int Target, int Running, int Ready, long? Backlog, double? BacklogSeconds, string Reason)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"tick {Tick} {At:HH:mm:ss.f}: target {Target}, running {Running}, ready {Ready}, backlog {Backlog?.ToString(CultureInfo.InvariantCulture) ?? "?"} ({BacklogSeconds:0.0} s), {Reason}");
}

/// <summary>Reads what the agent says over HTTP (/api/status, /api/history, /metrics) and what dockerd says.</summary>
internal sealed partial class AgentObserver(Uri agent, string pipeline, DockerClient docker) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = agent, Timeout = TimeSpan.FromSeconds(10) };

    public async Task<PipelineView?> StatusAsync()
    {
        using var status = JsonDocument.Parse(await _http.GetStringAsync(new Uri("/api/status", UriKind.Relative)));
        return View(status.RootElement);
    }

    /// <summary>Every tick the agent still holds, oldest first.</summary>
    public async Task<IReadOnlyList<PipelineView>> HistoryAsync()
    {
        using var history = JsonDocument.Parse(await _http.GetStringAsync(new Uri("/api/history?after=0", UriKind.Relative)));
        return history.RootElement.EnumerateArray().Select(View).OfType<PipelineView>().ToList();
    }

    /// <summary>The value of <c>force12_pipeline_running_pods{pipeline="..."}</c> in the exposition, or null when absent.</summary>
    public async Task<double?> MetricRunningPodsAsync()
    {
        var text = await _http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        foreach (Match match in RunningPodsLine().Matches(text))
        {
            if (match.Groups["pipeline"].Value == pipeline)
            {
                return double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    /// <summary>Running containers that carry the pipeline's label, as the Docker API lists them.</summary>
    public async Task<int> DockerRunningContainersAsync()
    {
        var containers = await docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = false,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{PodLabels.Pipeline}={pipeline}"] = true },
                ["status"] = new Dictionary<string, bool> { ["running"] = true },
            },
        });
        return containers.Count;
    }

    /// <summary>Force-removes every container of the pipeline (the safety net after the agent stopped its pods).</summary>
    public async Task<int> RemoveLeftoverContainersAsync()
    {
        var containers = await docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{PodLabels.Pipeline}={pipeline}"] = true },
            },
        });
        foreach (var container in containers)
        {
            await docker.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        }

        return containers.Count;
    }

    public void Dispose() => _http.Dispose();

    private PipelineView? View(JsonElement status)
    {
        foreach (var p in status.GetProperty("pipelines").EnumerateArray())
        {
            if (p.GetProperty("name").GetString() != pipeline)
            {
                continue;
            }

            return new PipelineView(
                status.GetProperty("tick").GetInt64(),
                status.GetProperty("at").GetDateTimeOffset(),
                p.GetProperty("targetPods").GetInt32(),
                p.GetProperty("runningPods").GetInt32(),
                p.GetProperty("readyPods").GetInt32(),
                p.GetProperty("backlogMessages") is { ValueKind: JsonValueKind.Number } b ? b.GetInt64() : null,
                p.GetProperty("backlogSeconds") is { ValueKind: JsonValueKind.Number } s ? s.GetDouble() : null,
                p.GetProperty("reasonCode").GetString() ?? "");
        }

        return null;
    }

    [GeneratedRegex("""^force12_pipeline_running_pods\{pipeline="(?<pipeline>[^"]*)"\} (?<value>\S+)$""", RegexOptions.Multiline)]
    private static partial Regex RunningPodsLine();
}
