using Force12.Queues.Testing;
using YamlDotNet.RepresentationModel;

namespace Force12.Queues.Agent.Tests.Stack;

/// <summary>Reads YAML files of the compose stack (compose/, grafana/provisioning/) as plain YAML trees.</summary>
internal static class ComposeStackFile
{
    /// <summary>compose/docker-compose.yml.</summary>
    public const string ComposeFile = "compose/docker-compose.yml";

    /// <summary>The root mapping of the YAML file at <paramref name="relativePath"/> (from the repository root).</summary>
    public static YamlMappingNode Load(string relativePath)
    {
        var path = Path.Combine(RepositoryPaths.Root, relativePath);
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return stream.Documents[0].RootNode as YamlMappingNode ?? throw new InvalidOperationException($"{relativePath}: the top level is not a mapping");
    }

    /// <summary>The mapping at <paramref name="keys"/> below <paramref name="node"/>; fails naming the path when absent.</summary>
    public static YamlMappingNode Mapping(YamlNode node, params string[] keys) => (YamlMappingNode)Node(node, keys);

    /// <summary>The sequence at <paramref name="keys"/> below <paramref name="node"/>.</summary>
    public static YamlSequenceNode Sequence(YamlNode node, params string[] keys) => (YamlSequenceNode)Node(node, keys);

    /// <summary>The scalar text at <paramref name="keys"/> below <paramref name="node"/>.</summary>
    public static string Text(YamlNode node, params string[] keys) => ((YamlScalarNode)Node(node, keys)).Value ?? "";

    /// <summary>The node at <paramref name="keys"/> below <paramref name="node"/>.</summary>
    public static YamlNode Node(YamlNode node, params string[] keys)
    {
        var current = node;
        foreach (var key in keys)
        {
            Assert.True(current is YamlMappingNode map && map.Children.ContainsKey(new YamlScalarNode(key)), $"no key '{string.Join('.', keys)}' (missing '{key}')");
            current = ((YamlMappingNode)current).Children[new YamlScalarNode(key)];
        }

        return current;
    }

    /// <summary>
    /// Where in the repository the file or folder at <paramref name="containerPath"/> of a compose service comes
    /// from: a bind mount (short volume syntax, a host path relative to compose/) of it or of a folder above it;
    /// null when no such mount exists.
    /// </summary>
    public static string? RepositoryPathOf(YamlMappingNode compose, string service, string containerPath)
    {
        foreach (var volume in Sequence(compose, "services", service, "volumes"))
        {
            var parts = ((YamlScalarNode)volume).Value!.Split(':');
            if (parts.Length < 2 || !parts[0].StartsWith('.'))
            {
                continue;
            }

            var target = parts[1].TrimEnd('/');
            if (containerPath == target || containerPath.StartsWith(target + "/", StringComparison.Ordinal))
            {
                var rest = containerPath[target.Length..].TrimStart('/');
                return Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "compose", parts[0], rest));
            }
        }

        return null;
    }
}
