using Force12.Queues.Core.Pods;

namespace Force12.Queues.Core.Configuration;

/// <summary>Reads a pipeline's <c>pod</c> section into a <see cref="PodTemplate"/>; field rules are the orchestrator's.</summary>
internal static class PodTemplateReader
{
    public static PodTemplate Read(string pipeline, SectionReader pod)
    {
        pod.RejectUnknown(PodKeys.All);
        var network = pod.Text(PodKeys.Network, fallback: "pod")!;
        var (mode, networkName) = network switch
        {
            "pod" => (PodNetworkMode.Pod, null),
            "host" => (PodNetworkMode.Host, null),
            _ => (PodNetworkMode.Network, network),
        };
        var containers = pod.Section.GetSection(PodKeys.Containers).GetChildren()
            .Select(c => ReadContainer(pod.Child(PodKeys.Containers).Element(c.Key)))
            .ToArray();
        return new PodTemplate
        {
            Pipeline = pipeline,
            Containers = containers,
            NetworkMode = mode,
            NetworkName = networkName,
            StopGracePeriod = pod.Duration(PodKeys.StopGracePeriod, PodTemplate.DefaultStopGracePeriod),
            StandbyPods = pod.WholeNumber(PodKeys.Standby, 0, min: 0, max: PodTemplateValidator.MaximumStandbyPods),
            WarmPods = pod.WholeNumber(PodKeys.Warm, 0, min: 0, max: PodTemplateValidator.MaximumStandbyPods),
            WarmTimeout = pod.Duration(PodKeys.WarmTimeout, PodTemplate.DefaultWarmTimeout),
            WarmCountsAgainstCapacity = pod.Flag(PodKeys.WarmCountsAgainstCapacity, false),
            Labels = pod.Map(PodKeys.Labels),
        };
    }

    private static ContainerTemplate ReadContainer(SectionReader container)
    {
        container.RejectUnknown(ContainerKeys.All);
        return new ContainerTemplate
        {
            Name = container.Text(ContainerKeys.Name) ?? "",
            Image = container.Text(ContainerKeys.Image),
            Command = container.Text(ContainerKeys.Command),
            Args = container.List(ContainerKeys.Args),
            Environment = container.Map(ContainerKeys.Env),
            WorkingDirectory = container.Text(ContainerKeys.WorkingDirectory),
            CpuLimit = container.Number(ContainerKeys.Cpu, null, exclusiveMin: 0),
            MemoryLimitBytes = container.Bytes(ContainerKeys.Memory),
            Mounts = container.Section.GetSection(ContainerKeys.Mounts).GetChildren()
                .Select(m => ReadMount(container.Child(ContainerKeys.Mounts).Element(m.Key)))
                .ToArray(),
        };
    }

    private static ContainerMount ReadMount(SectionReader mount)
    {
        mount.RejectUnknown(MountKeys.All);
        return new ContainerMount
        {
            HostPath = mount.Text(MountKeys.HostPath, required: true) ?? "",
            ContainerPath = mount.Text(MountKeys.ContainerPath, required: true) ?? "",
            ReadOnly = mount.Flag(MountKeys.ReadOnly, false),
        };
    }
}
