using System.Globalization;
using Docker.DotNet.Models;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Docker;

/// <summary>Turns one container of a pod template into Docker create parameters. Pure.</summary>
internal static class DockerContainerSpec
{
    /// <param name="template">The pod template.</param>
    /// <param name="index">Position of the container in the template; 0 owns the pod's network namespace.</param>
    /// <param name="podId">Id of the pod being created.</param>
    /// <param name="createdAt">When the pod's creation began (label, for adoption and latency).</param>
    /// <param name="options">Orchestrator options (name prefix, init).</param>
    /// <param name="standbySpec">For a standby pod, the hash of its template (<see cref="SpecHash"/>); <c>null</c> for a pod started at once.</param>
    /// <param name="warm">True for a pod started warm: labels <see cref="DockerPodLabels.Warm"/> and the contract's variables.</param>
    /// <remarks>
    /// Containers after the first join container 0's network namespace by its name, which Docker resolves when they
    /// start, so every container of a pod can be created at once before container 0 exists.
    /// </remarks>
    public static CreateContainerParameters Create(
        PodTemplate template, int index, string podId, DateTimeOffset createdAt, DockerOrchestratorOptions options, string? standbySpec = null, bool warm = false)
    {
        var container = template.Containers[index];
        var labels = new Dictionary<string, string>(template.Labels, StringComparer.Ordinal)
        {
            [PodLabels.Pipeline] = template.Pipeline,
            [PodLabels.Pod] = podId,
            [PodLabels.Container] = container.Name,
            [PodLabels.ContainerIndex] = index.ToString(CultureInfo.InvariantCulture),
            [PodLabels.PodSize] = template.Containers.Count.ToString(CultureInfo.InvariantCulture),
            [PodLabels.CreatedAt] = createdAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            [PodLabels.StopGraceSeconds] = GraceSeconds(template).ToString(CultureInfo.InvariantCulture),
        };
        if (standbySpec is not null)
        {
            labels[DockerPodLabels.Standby] = "true";
            labels[DockerPodLabels.StandbySpec] = standbySpec;
        }

        var environment = container.Environment
            .Select(pair => $"{pair.Key}={pair.Value}")
            .Append($"{PodLabels.PipelineVariable}={template.Pipeline}")
            .Append($"{PodLabels.PodVariable}={podId}")
            .Append($"{PodLabels.ContainerVariable}={container.Name}")
            .ToList();
        if (warm)
        {
            labels[DockerPodLabels.Warm] = "true";
            labels[DockerPodLabels.WarmTimeoutSeconds] = ((int)Math.Ceiling(template.WarmTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            environment.Add($"{WarmPodContract.WarmVariable}=1");
            environment.Add($"{WarmPodContract.ControlDirectoryVariable}={DockerWarmControl.Folder}");
        }

        return new CreateContainerParameters
        {
            Name = ContainerName(options, podId, container.Name),
            Image = container.Image,
            Entrypoint = container.Command is null ? null : [container.Command],
            Cmd = container.Args.Count == 0 ? null : container.Args.ToList(),
            Env = environment,
            WorkingDir = container.WorkingDirectory,
            Labels = labels,
            StopSignal = "SIGTERM",
            StopTimeout = TimeSpan.FromSeconds(GraceSeconds(template)),
            HostConfig = new HostConfig
            {
                NetworkMode = NetworkMode(template, index, ContainerName(options, podId, template.Containers[0].Name)),
                Init = options.UseInit,
                NanoCPUs = container.CpuLimit is { } cpu ? (long)(cpu * 1_000_000_000) : 0,
                Memory = container.MemoryLimitBytes ?? 0,
                Binds = container.Mounts.Count == 0
                    ? null
                    : container.Mounts.Select(m => $"{m.HostPath}:{m.ContainerPath}{(m.ReadOnly ? ":ro" : string.Empty)}").ToList(),
            },
        };
    }

    /// <summary>
    /// Hash (16 hex digits) of everything Docker is given to create the template's containers, pod id and time aside:
    /// a standby pod is started only if it was created from the same.
    /// </summary>
    public static string SpecHash(PodTemplate template, DockerOrchestratorOptions options)
    {
        var neutral = template with { StandbyPods = 0 };
        var specs = Enumerable.Range(0, template.Containers.Count)
            .Select(i => Create(neutral, i, "pod", DateTimeOffset.UnixEpoch, options))
            .ToList();
        // Newtonsoft.Json, the serializer Docker.DotNet itself sends these parameters with: it sees the same members, and
        // the AOT build keeps them (Docker.DotNet and Newtonsoft.Json are rooted whole there), where reflection-based
        // System.Text.Json is switched off.
        var json = Newtonsoft.Json.JsonConvert.SerializeObject(specs);
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 8));
    }

    /// <summary>Name of a pod's container: <c>&lt;prefix&gt;&lt;pod id&gt;-&lt;container&gt;</c>.</summary>
    public static string ContainerName(DockerOrchestratorOptions options, string podId, string containerName) =>
        $"{options.ContainerNamePrefix}{podId}-{containerName}";

    /// <summary>Docker takes the grace period in whole seconds; round up so a container never gets less than asked.</summary>
    public static int GraceSeconds(PodTemplate template) => (int)Math.Ceiling(template.StopGracePeriod.TotalSeconds);

    private static string NetworkMode(PodTemplate template, int index, string namespaceOwner)
    {
        if (template.NetworkMode == PodNetworkMode.Host)
        {
            return "host";
        }

        if (index > 0)
        {
            return $"container:{namespaceOwner}";
        }

        return template.NetworkMode == PodNetworkMode.Network ? template.NetworkName! : "none";
    }
}
