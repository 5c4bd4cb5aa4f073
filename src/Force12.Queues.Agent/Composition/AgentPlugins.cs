using Force12.Queues.Core.Agent;
using Force12.Queues.Docker;
using Force12.Queues.Ecs;
using Force12.Queues.Kafka.Configuration;
using Force12.Queues.Keda;
using Force12.Queues.Kinesis.Configuration;
using Force12.Queues.Kubernetes;
using Force12.Queues.Marathon;
using Force12.Queues.Nomad;
using Force12.Queues.Processes;
using Force12.Queues.Prometheus.Configuration;
using Force12.Queues.RabbitMQ.Configuration;
using Force12.Queues.Swarm;
using Microsoft.Extensions.DependencyInjection;

namespace Force12.Queues.Agent.Composition;

/// <summary>The source kinds and orchestrators this build of <c>force12</c> ships with.</summary>
internal static class AgentPlugins
{
    /// <summary>Registers every plugin.</summary>
    public static IForce12Builder AddShippedPlugins(this IServiceCollection services) =>
        services.AddForce12()
            .AddKafka()
            .AddKinesis()
            .AddRabbitMq()
            .AddPrometheus()
            .AddDocker()
            .AddProcesses()
            .AddSwarm()
            .AddKubernetes()
            .AddNomad()
            .AddMarathon()
            .AddEcs()
            .AddKeda();
}
