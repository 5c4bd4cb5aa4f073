using Force12.Queues.Core.Pods;

namespace Force12.Queues.Core.Configuration;

/// <summary>Reads a pipeline's <c>pod</c> section into a <see cref="PodTemplate"/>; field rules are the orchestrator's.</summary>
internal static class PodTemplateReader
{
    public static PodTemplate Read(string pipeline, SectionReader pod)
    {
        pod.RejectUnknown("network", "stopGracePeriod", "standby", "labels", "containers");
        var network = pod.Text("network", fallback: "pod")!;
        var (mode, networkName) = network switch
        {
            "pod" => (PodNetworkMode.Pod, null),
            "host" => (PodNetworkMode.Host, null),
            _ => (PodNetworkMode.Network, network),
        };
        var containers = pod.Section.GetSection("containers").GetChildren()
            .Select(c => ReadContainer(pod.Child("containers").Child(c.Key)))
            .ToArray();
        return new PodTemplate
        {
            Pipeline = pipeline,
            Containers = containers,
            NetworkMode = mode,
            NetworkName = networkName,
            StopGracePeriod = pod.Duration("stopGracePeriod", PodTemplate.DefaultStopGracePeriod),
            StandbyPods = pod.WholeNumber("standby", 0, min: 0, max: PodTemplateValidator.MaximumStandbyPods),
            Labels = pod.Map("labels"),
        };
    }

    private static ContainerTemplate ReadContainer(SectionReader container)
    {
        container.RejectUnknown("name", "image", "command", "args", "env", "workingDirectory", "cpu", "memory", "mounts");
        return new ContainerTemplate
        {
            Name = container.Text("name") ?? "",
            Image = container.Text("image"),
            Command = container.Text("command"),
            Args = container.List("args"),
            Environment = container.Map("env"),
            WorkingDirectory = container.Text("workingDirectory"),
            CpuLimit = container.Number("cpu", null, exclusiveMin: 0),
            MemoryLimitBytes = container.Bytes("memory"),
            Mounts = container.Section.GetSection("mounts").GetChildren()
                .Select(m => ReadMount(container.Child("mounts").Child(m.Key)))
                .ToArray(),
        };
    }

    private static ContainerMount ReadMount(SectionReader mount) => new()
    {
        HostPath = mount.Text("hostPath", required: true) ?? "",
        ContainerPath = mount.Text("containerPath", required: true) ?? "",
        ReadOnly = mount.Flag("readOnly", false),
    };
}
