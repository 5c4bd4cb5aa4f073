using Force12.Queues.Core.Configuration;
using Force12.Queues.Core.Leadership;
using Microsoft.Extensions.Configuration;

namespace Force12.Queues.Core.Tests.Configuration;

/// <summary>The <c>leaderElection</c> section: defaults, every key, and each error with its path and the whole message.</summary>
public sealed class LeaderElectionReaderTests
{
    public static TheoryData<string, string, string> BadSections => new()
    {
        { "renewDeadline", "15s", "leaderElection.renewDeadline: must be less than leaseDuration (15s), so the leader stops acting before another agent may take over (was 15s)" },
        { "retryPeriod", "10s", "leaderElection.retryPeriod: must be less than renewDeadline (10s), so the leader tries to renew before its deadline (was 10s)" },
        { "leaseDuration", "15500ms", "leaderElection.leaseDuration: must be whole seconds, as the Lease's leaseDurationSeconds (was 15.5s)" },
        { "leaseDuration", "0s", "leaderElection.leaseDuration: must be positive (was 0s)" },
        { "leaseName", "Force12_Agent", "leaderElection.leaseName: 'Force12_Agent' is not a Kubernetes object name (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters)" },
        { "namespace", "kube.system", "leaderElection.namespace: 'kube.system' is not a Kubernetes namespace (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)" },
        { "enabled", "yes", "leaderElection.enabled: 'yes' is not true or false" },
        { "leaseDurationSeconds", "15", "leaderElection.leaseDurationSeconds: unknown setting (known here: enabled, leaseName, namespace, identity, leaseDuration, renewDeadline, retryPeriod)" },
    };

    [Fact]
    public void Read_NoSection_IsNull()
    {
        Assert.Null(Read([], out var errors));
        Assert.Empty(errors);
    }

    [Fact]
    public void Read_EnabledOnly_TakesTheDefaults()
    {
        var options = Read(new() { ["leaderElection:enabled"] = "true" }, out var errors);

        Assert.Empty(errors);
        Assert.Equal(new LeaderElectionOptions(), options);
        Assert.Equal((TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2)), (options!.LeaseDuration, options.RenewDeadline, options.RetryPeriod));
        Assert.Equal(("force12-agent", "default", null), (options.LeaseName, options.Namespace, options.Identity));
    }

    [Fact]
    public void Read_EveryKey_ReadsEach()
    {
        var options = Read(new()
        {
            ["leaderElection:enabled"] = "false",
            ["leaderElection:leaseName"] = "bulbs-agent",
            ["leaderElection:namespace"] = "force12",
            ["leaderElection:identity"] = "agent-0",
            ["leaderElection:leaseDuration"] = "10s",
            ["leaderElection:renewDeadline"] = "6s",
            ["leaderElection:retryPeriod"] = "500ms",
        }, out var errors);

        Assert.Empty(errors);
        Assert.Equal(new LeaderElectionOptions
        {
            Enabled = false, LeaseName = "bulbs-agent", Namespace = "force12", Identity = "agent-0",
            LeaseDuration = TimeSpan.FromSeconds(10), RenewDeadline = TimeSpan.FromSeconds(6), RetryPeriod = TimeSpan.FromMilliseconds(500),
        }, options);
    }

    [Theory]
    [MemberData(nameof(BadSections))]
    public void Read_OneBadValue_ReportsExactlyThatError(string key, string value, string expected)
    {
        Read(new() { ["leaderElection:enabled"] = "true", [$"leaderElection:{key}"] = value }, out var errors);

        Assert.Equal([expected], errors);
    }

    private static LeaderElectionOptions? Read(Dictionary<string, string?> settings, out List<string> errors)
    {
        errors = [];
        var root = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return LeaderElectionReader.Read(new SectionReader(root.GetSection(AgentKeys.LeaderElection), AgentKeys.LeaderElection, errors));
    }
}
