using Force12.Queues.Testing;
using YamlDotNet.RepresentationModel;

namespace Force12.Queues.Keda.Tests.Deploy;

/// <summary>
/// The files under <c>deploy/kubernetes</c> (Kustomize: <c>base/</c> shared, overlays <c>keda/</c> and <c>direct/</c>), each
/// split into its YAML documents. Also compiled into the Kubernetes tests (linked), which read the direct mode's agent.yaml.
/// </summary>
internal static class DeployManifests
{
    /// <summary>The Kustomize folders: the base and the two overlays (one per mode).</summary>
    public static IReadOnlyList<string> Kustomizations { get; } = ["base", "keda", "direct"];

    /// <summary>The folder of the manifests.</summary>
    public static string Folder => Path.Combine(RepositoryPaths.Root, "deploy", "kubernetes");

    /// <summary>Every manifest file (not the kustomizations), as <c>FOLDER/FILE</c> (<c>direct/agent-role.yaml</c>).</summary>
    public static IReadOnlyList<string> Files =>
        [.. Directory.GetFiles(Folder, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .Order(StringComparer.Ordinal)];

    /// <summary>The manifest files that one mode applies: the base's and the overlay's.</summary>
    public static IReadOnlyList<string> FilesOf(string overlay) => [.. Files.Where(f => f.StartsWith("base/", StringComparison.Ordinal) || f.StartsWith(overlay + "/", StringComparison.Ordinal))];

    /// <summary>The text of one file (<c>FOLDER/FILE</c>).</summary>
    public static string Text(string file) => File.ReadAllText(Path.Combine(Folder, file));

    /// <summary>The documents of one file as generic YAML mappings.</summary>
    public static IReadOnlyList<YamlMappingNode> Documents(string file)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(Text(file));
        stream.Load(reader);
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    /// <summary>The scalar at a path of keys (null when any is missing).</summary>
    public static string? Scalar(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }

            node = child;
        }

        return (node as YamlScalarNode)?.Value;
    }

    /// <summary>
    /// A YAML document as configuration keys (<c>a:b:0</c>), as the agent's YAML provider gives them: mappings nest,
    /// sequences are numbered, scalars are the values.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string?>> Flatten(string yaml)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(yaml);
        stream.Load(reader);
        return Flatten(stream.Documents[0].RootNode, "");
    }

    private static IEnumerable<KeyValuePair<string, string?>> Flatten(YamlNode node, string path) => node switch
    {
        YamlMappingNode mapping => mapping.Children.SelectMany(c => Flatten(c.Value, Join(path, ((YamlScalarNode)c.Key).Value!))),
        YamlSequenceNode sequence => sequence.Children.SelectMany((c, i) => Flatten(c, Join(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
        YamlScalarNode scalar => [new(path, scalar.Value)],
        _ => [],
    };

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}:{key}";
}
