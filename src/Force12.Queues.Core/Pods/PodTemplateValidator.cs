using System.Globalization;
using System.Text.RegularExpressions;
using Force12.Queues.Core.Configuration;

namespace Force12.Queues.Core.Pods;

/// <summary>
/// Checks a <see cref="PodTemplate"/> and returns every problem at once, each in the one configuration message
/// format naming the key as the user wrote it (for example
/// <c>pipelines.bulbs.pod.containers[1].memory: must be at least 6Mi (was 1024 bytes)</c>).
/// Orchestrators add their own checks on top (see <see cref="IPodOrchestrator.Validate"/>), naming keys with
/// <see cref="PathOf"/> and <see cref="ContainerPath"/>.
/// </summary>
public static partial class PodTemplateValidator
{
    /// <summary>Smallest memory limit Docker accepts: 6 MiB.</summary>
    public const long MinimumMemoryLimitBytes = 6 * 1024 * 1024;

    /// <summary>Most standby pods, and most warm pods, a template may ask for: 100.</summary>
    public const int MaximumStandbyPods = 100;

    /// <summary>Longest stop grace period accepted: 1 hour.</summary>
    public static readonly TimeSpan MaximumStopGracePeriod = TimeSpan.FromHours(1);

    /// <summary>The configuration path of <paramref name="template"/>: <c>pipelines.NAME.pod</c>.</summary>
    public static string PathOf(PodTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return $"{AgentKeys.Pipelines}.{template.Pipeline}.{PipelineKeys.Pod}";
    }

    /// <summary>The configuration path of container <paramref name="index"/>: <c>pipelines.NAME.pod.containers[INDEX]</c>.</summary>
    public static string ContainerPath(PodTemplate template, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{PathOf(template)}.{PodKeys.Containers}[{index}]");

    /// <summary>Returns every problem found in <paramref name="template"/>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(PodTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var errors = new List<string>();
        var pod = PathOf(template);
        if (string.IsNullOrEmpty(template.Pipeline) || !PipelineName().IsMatch(template.Pipeline))
        {
            errors.Add($"{AgentKeys.Pipelines}.{template.Pipeline}: a pipeline name must be 1 to 63 of a-z, 0-9, '-', '_', '.' starting with a letter or digit (was '{template.Pipeline}')");
        }

        ValidateNetwork(template, pod, errors);
        if (template.StopGracePeriod < TimeSpan.Zero || template.StopGracePeriod > MaximumStopGracePeriod)
        {
            errors.Add($"{pod}.{PodKeys.StopGracePeriod}: must be between 0s and 1h (was {QuantityParser.FormatDuration(template.StopGracePeriod)})");
        }

        if (template.StandbyPods is < 0 or > MaximumStandbyPods)
        {
            errors.Add($"{pod}.{PodKeys.Standby}: must be between 0 and {MaximumStandbyPods} (was {template.StandbyPods})");
        }

        if (template.WarmPods is < 0 or > MaximumStandbyPods)
        {
            errors.Add($"{pod}.{PodKeys.Warm}: must be between 0 and {MaximumStandbyPods} (was {template.WarmPods})");
        }

        if (template.WarmTimeout < TimeSpan.FromSeconds(1) || template.WarmTimeout > TimeSpan.FromHours(1))
        {
            errors.Add($"{pod}.{PodKeys.WarmTimeout}: must be between 1s and 1h (was {QuantityParser.FormatDuration(template.WarmTimeout)})");
        }

        foreach (var key in template.Labels.Keys)
        {
            if (key.StartsWith(PodLabels.Prefix, StringComparison.Ordinal))
            {
                errors.Add($"{pod}.{PodKeys.Labels}.{key}: keys starting with '{PodLabels.Prefix}' are reserved for the orchestrator");
            }
        }

        if (template.Containers is null || template.Containers.Count == 0)
        {
            errors.Add($"{pod}.{PodKeys.Containers}: at least one container is required");
            return errors;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < template.Containers.Count; i++)
        {
            ValidateContainer(template.Containers[i], ContainerPath(template, i), names, errors);
        }

        return errors;
    }

    /// <summary>Throws <see cref="PodTemplateException"/> listing every problem if <paramref name="errors"/> is not empty.</summary>
    public static void ThrowIfAny(PodTemplate template, IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count > 0)
        {
            throw new PodTemplateException(template.Pipeline, errors);
        }
    }

    private static void ValidateNetwork(PodTemplate template, string pod, List<string> errors)
    {
        var network = $"{pod}.{PodKeys.Network}";
        if (!Enum.IsDefined(template.NetworkMode))
        {
            errors.Add($"{network}: must be pod, host or a network name (was {template.NetworkMode})");
        }
        else if (template.NetworkMode == PodNetworkMode.Network && string.IsNullOrWhiteSpace(template.NetworkName))
        {
            errors.Add($"{network}: a network name is required");
        }
        else if (template.NetworkMode != PodNetworkMode.Network && template.NetworkName is not null)
        {
            errors.Add($"{network}: the network name '{template.NetworkName}' is only used with a named network (network mode is {template.NetworkMode})");
        }
    }

    private static void ValidateContainer(ContainerTemplate container, string path, HashSet<string> names, List<string> errors)
    {
        if (container is null)
        {
            errors.Add($"{path}: must not be empty");
            return;
        }

        if (string.IsNullOrEmpty(container.Name) || !ContainerName().IsMatch(container.Name))
        {
            errors.Add($"{path}.{ContainerKeys.Name}: must be 1 to 63 of a-z, 0-9 and '-', starting with a letter or digit (was '{container.Name}')");
        }
        else if (!names.Add(container.Name))
        {
            errors.Add($"{path}.{ContainerKeys.Name}: '{container.Name}' is used by another container of the pod");
        }

        if (container.CpuLimit is { } cpu && (double.IsNaN(cpu) || cpu <= 0))
        {
            errors.Add($"{path}.{ContainerKeys.Cpu}: must be a positive number of cores (was {cpu.ToString(CultureInfo.InvariantCulture)})");
        }

        if (container.MemoryLimitBytes is { } memory && memory < MinimumMemoryLimitBytes)
        {
            errors.Add($"{path}.{ContainerKeys.Memory}: must be at least 6Mi (was {memory} bytes)");
        }

        foreach (var key in container.Environment.Keys)
        {
            if (key.Length == 0 || key.Contains('=', StringComparison.Ordinal))
            {
                errors.Add($"{path}.{ContainerKeys.Env}.{key}: a variable name must be non-empty and must not contain '='");
            }
        }

        for (var m = 0; m < container.Mounts.Count; m++)
        {
            var mount = container.Mounts[m];
            if (!Path.IsPathRooted(mount.HostPath) || !mount.ContainerPath.StartsWith('/'))
            {
                errors.Add($"{path}.{ContainerKeys.Mounts}[{m}]: {MountKeys.HostPath} and {MountKeys.ContainerPath} must be absolute (were '{mount.HostPath}' and '{mount.ContainerPath}')");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_.-]{0,62}$")]
    private static partial Regex PipelineName();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex ContainerName();
}
