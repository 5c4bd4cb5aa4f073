using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;

namespace Force12.Queues.Agent.Composition;

/// <summary>
/// Builds the agent's configuration from a YAML (<c>.yaml</c>, <c>.yml</c>) or JSON (<c>.json</c>) file,
/// overridden by environment variables with the <c>FORCE12__</c> prefix and <c>__</c> between levels
/// (for example <c>FORCE12__pipelines__bulbs__maxPods=20</c>), so secrets can stay out of the file.
/// </summary>
internal static class AgentConfigurationLoader
{
    /// <summary>The prefix of environment variables that override the file.</summary>
    public const string EnvironmentPrefix = "FORCE12__";

    /// <summary>Loads <paramref name="path"/>; on failure returns null and one line saying why.</summary>
    public static (IConfiguration? Configuration, string? Error) Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            return (null, $"configuration file '{path}' does not exist");
        }

        var builder = new ConfigurationBuilder();
        switch (Path.GetExtension(full).ToLowerInvariant())
        {
            case ".yaml" or ".yml":
                builder.AddYamlFile(full, optional: false, reloadOnChange: false);
                break;
            case ".json":
                builder.AddJsonFile(full, optional: false, reloadOnChange: false);
                break;
            default:
                return (null, $"configuration file '{path}' must end in .yaml, .yml or .json");
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        try
        {
            return (builder.Build(), null);
        }
        catch (Exception e) when (e is YamlException or FormatException or InvalidDataException or System.Text.Json.JsonException)
        {
            var inner = e.InnerException is { } i ? $": {i.Message}" : "";
            return (null, $"configuration file '{path}' cannot be parsed: {e.Message}{inner}");
        }
    }
}
