using Docker.DotNet.Models;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Docker.Tests;

public class DockerPodGroupingTests
{
    [Fact]
    public void Group_MixedContainers_GroupsByPodInIndexOrderAndIgnoresUnlabelled()
    {
        var containers = new[]
        {
            Container("b2", "pod-b", 1, "running", created: 2000),
            Container("a1", "pod-a", 0, "running", created: 1000),
            Container("b1", "pod-b", 0, "running", created: 2000),
            new ContainerListResponse { ID = "stranger", State = "running", Labels = new Dictionary<string, string>() },
            new ContainerListResponse { ID = "other", State = "running", Labels = new Dictionary<string, string> { [PodLabels.Pipeline] = "x", [PodLabels.Pod] = "q" } },
        };

        var pods = DockerPodGrouping.Group(containers, "bulbs");

        Assert.Equal(["pod-a", "pod-b"], pods.Select(p => p.Id));
        Assert.Equal(["b1", "b2"], pods[1].Containers.Select(c => c.ID));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(2000), pods[1].CreatedAt);
        Assert.Equal(TimeSpan.FromSeconds(7), pods[1].StopGracePeriod);
    }

    [Theory]
    [InlineData("running,running", "Up 2 seconds", PodState.Ready)]
    [InlineData("running,running", "Up 2 seconds (health: starting)", PodState.Running)]
    [InlineData("running,running", "Up 2 seconds (unhealthy)", PodState.Running)]
    [InlineData("running,running", "Up 2 seconds (healthy)", PodState.Ready)]
    [InlineData("running,exited", "Up 2 seconds", PodState.Exited)]
    [InlineData("running,dead", "Up 2 seconds", PodState.Exited)]
    [InlineData("running", "Up 2 seconds", PodState.Exited)]
    [InlineData("running,created", "Up 2 seconds", PodState.Starting)]
    [InlineData("running,removing", "Up 2 seconds", PodState.Stopping)]
    public void StateOf_ContainerStates_GivesPodState(string states, string status, PodState expected)
    {
        var containers = states.Split(',').Select((state, i) => Container($"c{i}", "pod", i, state, 1000, status));

        var pod = Assert.Single(DockerPodGrouping.Group(containers, "bulbs"));

        Assert.Equal(expected, DockerPodGrouping.StateOf(pod));
    }

    private static ContainerListResponse Container(string id, string pod, int index, string state, long created, string status = "Up") => new()
    {
        ID = id,
        State = state,
        Status = status,
        Labels = new Dictionary<string, string>
        {
            [PodLabels.Pipeline] = "bulbs",
            [PodLabels.Pod] = pod,
            [PodLabels.ContainerIndex] = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [PodLabels.PodSize] = "2",
            [PodLabels.CreatedAt] = created.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [PodLabels.StopGraceSeconds] = "7",
        },
    };
}
