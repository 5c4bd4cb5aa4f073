using System.Diagnostics;
using Docker.DotNet.Models;
using Force12.Queues.Core.Pods;
using Force12.Queues.Testing.Pods;
using Microsoft.Extensions.Logging.Abstractions;

namespace Force12.Queues.Docker.Tests.Pods;

/// <summary>The shared orchestrator contract against the real dockerd, with the FROM-scratch probe image.</summary>
[Collection(DockerdCollectionDefinition.Name)]
public sealed class DockerPodOrchestratorContractTests : PodOrchestratorContractTests
{
    private readonly DockerFixture _docker;

    public DockerPodOrchestratorContractTests(DockerFixture docker)
    {
        _docker = docker;
    }

    protected override IPodOrchestrator CreateOrchestratorCore() =>
        new DockerPodOrchestrator(_docker.Client, new DockerOrchestratorOptions(), TimeProvider.System, NullLogger<DockerPodOrchestrator>.Instance);

    protected override PodTemplate CreateTemplate() => new()
    {
        Pipeline = Pipeline,
        StopGracePeriod = Grace,
        Labels = new Dictionary<string, string> { ["test"] = "contract" },
        Containers = [Probe("app"), Probe("sidecar")],
    };

    protected override PodTemplate CreateTemplateWhoseSecondContainerFailsToStart() =>
        CreateTemplate() with { Containers = [Probe("app"), Probe("sidecar") with { Command = "/does-not-exist" }] };

    protected override async Task KillFromOutsideAsync(PodContainerInfo container)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, ArgumentList = { "kill", container.Id } };
        using var kill = Process.Start(start)!;
        await kill.StandardOutput.ReadToEndAsync();
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    protected override async Task<int> CountContainersLeftAsync(string pipeline)
    {
        var containers = await _docker.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{PodLabels.Pipeline}={pipeline}"] = true },
            },
        });
        return containers.Count;
    }

    protected override async Task<IUnlabelledWorkload> StartUnlabelledAsync()
    {
        var created = await _docker.Client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = $"unlabelled-{Pipeline}",
            Image = DockerFixture.ProbeImage,
            HostConfig = new HostConfig { NetworkMode = "none" },
        });
        await _docker.Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
        return new UnlabelledContainer(_docker, created.ID);
    }

    private ContainerTemplate Probe(string name) => new()
    {
        Name = name,
        Image = DockerFixture.ProbeImage,
        Environment = new Dictionary<string, string> { ["PROBE_SIGNAL_DIR"] = "/signals" },
        Mounts = [new ContainerMount { HostPath = SignalDirectory, ContainerPath = "/signals" }],
        MemoryLimitBytes = 256 * 1024 * 1024,
    };

    private sealed class UnlabelledContainer(DockerFixture docker, string id) : IUnlabelledWorkload
    {
        public async Task<bool> IsRunningAsync() => (await docker.Client.Containers.InspectContainerAsync(id)).State.Running;

        public async ValueTask DisposeAsync() =>
            await docker.Client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true });
    }
}
