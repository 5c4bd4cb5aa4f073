using System.Text.RegularExpressions;
using Force12.Queues.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace Force12.Queues.Core.Leadership;

/// <summary>
/// Reads the <c>leaderElection</c> section into <see cref="LeaderElectionOptions"/>, recording every problem with its path
/// (<c>leaderElection.renewDeadline: ...</c>). Durations are checked against each other: the leader must stop acting
/// (renewDeadline) before another may take over (leaseDuration), and must retry (retryPeriod) before its deadline.
/// </summary>
public static partial class LeaderElectionReader
{
    /// <summary>The options, or null when the section is absent (an agent that runs alone).</summary>
    public static LeaderElectionOptions? Read(SectionReader section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (!section.Section.Exists())
        {
            return null;
        }

        section.RejectUnknown(LeaderElectionKeys.All);
        var defaults = new LeaderElectionOptions();
        var options = new LeaderElectionOptions
        {
            Enabled = section.Flag(LeaderElectionKeys.Enabled, defaults.Enabled),
            LeaseName = section.Text(LeaderElectionKeys.LeaseName, fallback: defaults.LeaseName)!,
            Namespace = section.Text(LeaderElectionKeys.Namespace, fallback: defaults.Namespace)!,
            Identity = section.Text(LeaderElectionKeys.Identity),
            LeaseDuration = section.Duration(LeaderElectionKeys.LeaseDuration, defaults.LeaseDuration, positive: true),
            RenewDeadline = section.Duration(LeaderElectionKeys.RenewDeadline, defaults.RenewDeadline, positive: true),
            RetryPeriod = section.Duration(LeaderElectionKeys.RetryPeriod, defaults.RetryPeriod, positive: true),
        };
        if (options.LeaseName.Length > 253 || !SubdomainName().IsMatch(options.LeaseName))
        {
            section.Fail(LeaderElectionKeys.LeaseName, $"'{options.LeaseName}' is not a Kubernetes object name (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters)");
        }

        if (options.Namespace.Length > 63 || !LabelName().IsMatch(options.Namespace))
        {
            section.Fail(LeaderElectionKeys.Namespace, $"'{options.Namespace}' is not a Kubernetes namespace (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)");
        }

        if (options.LeaseDuration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            section.Fail(LeaderElectionKeys.LeaseDuration, $"must be whole seconds, as the Lease's leaseDurationSeconds (was {options.LeaseDuration.TotalSeconds:0.###}s)");
        }

        if (options.RenewDeadline >= options.LeaseDuration)
        {
            section.Fail(LeaderElectionKeys.RenewDeadline, $"must be less than leaseDuration ({options.LeaseDuration.TotalSeconds:0.###}s), so the leader stops acting before another agent may take over (was {options.RenewDeadline.TotalSeconds:0.###}s)");
        }

        if (options.RetryPeriod >= options.RenewDeadline)
        {
            section.Fail(LeaderElectionKeys.RetryPeriod, $"must be less than renewDeadline ({options.RenewDeadline.TotalSeconds:0.###}s), so the leader tries to renew before its deadline (was {options.RetryPeriod.TotalSeconds:0.###}s)");
        }

        return options;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SubdomainName();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelName();
}
