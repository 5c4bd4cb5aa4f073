using Force12.Queues.Core.Pods;
using Microsoft.Extensions.DependencyInjection;

namespace Force12.Queues.Processes.Tests;

public class ProcessServiceCollectionExtensionsTests
{
    [Fact]
    public void AddProcessPodOrchestrator_Twice_RegistersOneProcessKind()
    {
        using var provider = new ServiceCollection()
            .AddProcessPodOrchestrator(new ProcessOrchestratorOptions { StateDirectory = "/tmp/force12-di-test" })
            .AddProcessPodOrchestrator()
            .BuildServiceProvider();

        var orchestrator = Assert.Single(provider.GetServices<IPodOrchestrator>());

        Assert.Equal("process", orchestrator.Kind);
    }
}
