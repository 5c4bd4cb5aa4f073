using System.Text.RegularExpressions;
using Force12.Queues.Testing;

namespace Force12.Queues.Agent.Tests.Stack;

/// <summary>
/// compose/prometheus: the alert rules pass <c>promtool check rules</c>, their unit tests pass
/// <c>promtool test rules</c>, every rule has a firing and a non-firing test, and the compose stack's
/// Prometheus configuration (which loads the rules) passes <c>promtool check config</c>.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed partial class AlertRulesTests
{
    private const string Rules = "compose/prometheus/alerts.yml";
    private const string RuleTests = "compose/prometheus/alerts.test.yml";
    private const string InstallHint = "run scripts/setup.sh (it installs Debian's prometheus package, which ships /usr/bin/promtool).";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Rules_PassPromtoolCheckRules()
    {
        var result = await ExternalTool.RunAsync("promtool", ["check", "rules", Rules], InstallHint, Timeout);
        Assert.True(result.ExitCode == 0, $"promtool check rules {Rules}: {result}");
    }

    [Fact]
    public async Task RuleUnitTests_PassPromtoolTestRules()
    {
        var result = await ExternalTool.RunAsync("promtool", ["test", "rules", RuleTests], InstallHint, Timeout);
        Assert.True(result.ExitCode == 0 && result.Output.Contains("SUCCESS", StringComparison.Ordinal), $"promtool test rules {RuleTests}: {result}");
    }

    [Fact]
    public async Task ComposePrometheusConfig_PassesPromtoolCheckConfig()
    {
        var result = await ExternalTool.RunAsync("promtool", ["check", "config", "compose/prometheus/prometheus.yml"], InstallHint, Timeout);
        Assert.True(result.ExitCode == 0, $"promtool check config compose/prometheus/prometheus.yml: {result}");
    }

    [Fact]
    public void EveryRule_HasAFiringAndANonFiringUnitTest()
    {
        var rules = AlertName().Matches(Read(Rules)).Select(m => m.Groups[1].Value).ToArray();
        var tests = Read(RuleTests);
        Assert.True(rules.Length >= 6, $"{Rules} holds only {rules.Length} rules");
        foreach (var rule in rules)
        {
            var checks = Regex.Matches(tests, $@"alertname: {rule}\s*\n\s*exp_alerts:(.*)").Select(m => m.Groups[1].Value.Trim()).ToArray();
            Assert.True(checks.Any(c => c == "[]"), $"{RuleTests} has no test where {rule} does not fire (exp_alerts: [])");
            Assert.True(checks.Any(c => c.Length == 0), $"{RuleTests} has no test where {rule} fires");
        }
    }

    private static string Read(string relativePath) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, relativePath));

    [GeneratedRegex(@"^\s*- alert: (\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex AlertName();
}
