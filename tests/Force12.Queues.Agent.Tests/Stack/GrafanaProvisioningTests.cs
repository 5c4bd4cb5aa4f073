using System.Text.Json.Nodes;
using Force12.Queues.Testing;
using YamlDotNet.RepresentationModel;
using static Force12.Queues.Agent.Tests.Stack.ComposeStackFile;

namespace Force12.Queues.Agent.Tests.Stack;

/// <summary>
/// grafana/provisioning as the compose stack mounts it: every dashboard folder a provider names is a
/// repository folder holding the shipped dashboards, every file named exists, and the data source
/// points at the stack's Prometheus.
/// </summary>
public sealed class GrafanaProvisioningTests
{
    private const string Grafana = "grafana";
    private static readonly YamlMappingNode Compose = Load(ComposeFile);

    [Fact]
    public void ProvisioningFolder_IsMountedWhereGrafanaReadsIt()
    {
        var folder = RepositoryPathOf(Compose, Grafana, "/etc/grafana/provisioning");

        Assert.Equal(Path.Combine(RepositoryPaths.Root, "grafana", "provisioning"), folder);
    }

    [Fact]
    public void DashboardProviders_EveryPathHoldsTheShippedDashboards()
    {
        var providers = ProvisioningFiles("dashboards").SelectMany(f => Sequence(Load(f), "providers").Select(p => (File: f, Provider: p))).ToArray();
        Assert.NotEmpty(providers);
        foreach (var (file, provider) in providers)
        {
            Assert.Equal("file", Text(provider, "type"));
            var path = Text(provider, "options", "path");
            var folder = RepositoryPathOf(Compose, Grafana, path);
            Assert.True(folder is not null && Directory.Exists(folder), $"{file}: dashboard path {path} is not a repository folder mounted into the grafana service of {ComposeFile}");
            var dashboards = Directory.GetFiles(folder, "*.json").Select(f => Path.GetFileName(f)).ToArray();
            Assert.Contains("force12-agent.json", dashboards);
            Assert.Contains("force12-pipeline.json", dashboards);
            var uids = dashboards.Select(d => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, d)))!["uid"]?.GetValue<string>()).ToArray();
            Assert.All(uids, uid => Assert.False(string.IsNullOrEmpty(uid), $"{file}: a dashboard in {path} has no uid"));
            Assert.Equal(uids.Length, uids.Distinct().Count());
        }
    }

    [Fact]
    public void HomeDashboard_NamesAShippedDashboard()
    {
        var path = Text(Compose, "services", Grafana, "environment", "GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");

        var file = RepositoryPathOf(Compose, Grafana, path);

        Assert.True(file is not null && File.Exists(file), $"{ComposeFile}: the home dashboard {path} is not a mounted repository file");
    }

    [Fact]
    public void DataSources_OneDefaultPrometheusOnAComposeService()
    {
        var sources = ProvisioningFiles("datasources").SelectMany(f => Sequence(Load(f), "datasources")).ToArray();
        var services = Mapping(Compose, "services").Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToHashSet();

        Assert.Single(sources, s => Text(s, "isDefault") == "true");
        foreach (var source in sources)
        {
            Assert.Equal("prometheus", Text(source, "type"));
            var url = new Uri(Text(source, "url"));
            Assert.True(services.Contains(url.Host), $"data source {Text(source, "name")} points at {url.Host}, not a service of {ComposeFile}");
        }
    }

    private static string[] ProvisioningFiles(string kind)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "grafana", "provisioning", kind);
        var files = Directory.GetFiles(folder, "*.yml").Concat(Directory.GetFiles(folder, "*.yaml")).ToArray();
        Assert.True(files.Length > 0, $"no provisioning file in {folder}");
        return files.Select(f => Path.GetRelativePath(RepositoryPaths.Root, f)).ToArray();
    }
}
