using System.Diagnostics.CodeAnalysis;

namespace Force12.Queues.Cli;

/// <summary>
/// Which verbs this build of <c>force12</c> carries. The ordinary build has them all. The agent build
/// (<c>dotnet publish src/Force12.Queues.Cli -c Release -r linux-x64 -p:PublishAot=true -p:Force12AgentOnly=true</c>)
/// sets the <see cref="ToolsSwitch"/> feature switch to false at publish time, so the Native AOT compiler drops the
/// demo, simulator, load generator and standalone Kafka mock, and everything only they use, from the binary:
/// less code and type data resident in a long-running agent.
/// </summary>
internal static class CliBuild
{
    /// <summary>Name of the feature switch (a <c>RuntimeHostConfigurationOption</c> trimmed at publish time).</summary>
    public const string ToolsSwitch = "Force12.Queues.Cli.Tools";

    /// <summary>Whether the tool verbs (demo, kafka-mock, loadgen, simulate) are in this build. True unless switched off.</summary>
    [FeatureSwitchDefinition(ToolsSwitch)]
    public static bool HasTools => !AppContext.TryGetSwitch(ToolsSwitch, out var enabled) || enabled;
}
