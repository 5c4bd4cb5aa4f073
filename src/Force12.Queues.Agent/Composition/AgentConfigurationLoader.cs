using System.Text.Json;
using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Force12.Queues.Agent.Composition;

/// <summary>
/// Builds the agent's configuration from a YAML (<c>.yaml</c>, <c>.yml</c>) or JSON (<c>.json</c>) file,
/// overridden by environment variables with the <c>FORCE12__</c> prefix and <c>__</c> between levels
/// (for example <c>FORCE12__pipelines__bulbs__maxPods=20</c>), so secrets can stay out of the file.
/// A syntax error is reported as <c>FILE:LINE:COLUMN: problem</c>.
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
        string? syntaxError;
        switch (Path.GetExtension(full).ToLowerInvariant())
        {
            case ".yaml" or ".yml":
                syntaxError = YamlSyntaxError(path, full);
                builder.AddYamlFile(full, optional: false, reloadOnChange: false);
                break;
            case ".json":
                syntaxError = JsonSyntaxError(path, full);
                builder.AddJsonFile(full, optional: false, reloadOnChange: false);
                break;
            default:
                return (null, $"configuration file '{path}' must end in .yaml, .yml or .json");
        }

        if (syntaxError is not null)
        {
            return (null, syntaxError);
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        try
        {
            return (builder.Build(), null);
        }
        catch (Exception e) when (e is YamlException or FormatException or InvalidDataException or InvalidOperationException or JsonException)
        {
            // Well-formed, but not a shape configuration can hold (for example a list at the top).
            var inner = e.InnerException is { } i ? $": {i.Message}" : "";
            return (null, $"configuration file '{path}' cannot be read as configuration: {e.Message}{inner}");
        }
    }

    /// <summary>
    /// Parses the whole YAML stream first: the configuration provider reports some syntax errors without a position
    /// ("Operation is not valid due to the current state of the object."), the parser always has one. A duplicate key
    /// (keys are case-insensitive) and a top level that is not a mapping are reported here too, with their position.
    /// </summary>
    private static string? YamlSyntaxError(string path, string full)
    {
        try
        {
            using var reader = File.OpenText(full);
            var parser = new Parser(reader);
            var frames = new Stack<YamlFrame>();
            var atDocumentTop = false;
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                var at = $"{path}:{current.Start.Line}:{current.Start.Column}";
                switch (current)
                {
                    case DocumentStart:
                        atDocumentTop = true;
                        continue;
                    case MappingEnd or SequenceEnd:
                        frames.Pop();
                        continue;
                    case not (Scalar or MappingStart or SequenceStart or AnchorAlias):
                        continue;
                }

                if (atDocumentTop && current is not MappingStart)
                {
                    return $"{at}: the top level must be a mapping of settings (for example 'capacity:' and 'pipelines:')";
                }

                atDocumentTop = false;
                if (frames.TryPeek(out var parent) && parent.Keys is { } keys)
                {
                    if (parent.NextIsKey && current is Scalar { Value: var key } && !keys.TryAdd(key, current.Start.Line))
                    {
                        return $"{at}: duplicate key '{key}' (first at line {keys[key]}; keys are case-insensitive)";
                    }

                    parent.NextIsKey = !parent.NextIsKey;
                }

                if (current is MappingStart or SequenceStart)
                {
                    frames.Push(new YamlFrame(current is MappingStart ? new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase) : null));
                }
            }

            return null;
        }
        catch (YamlException e)
        {
            return $"{path}:{e.Start.Line}:{e.Start.Column}: {YamlProblem(e)}";
        }
    }

    private static string YamlProblem(YamlException e)
    {
        // YamlDotNet puts "(Line: 2, Col: 10, Idx: 21) - (Line: 2, Col: 11, Idx: 22): " before the problem.
        var problem = e.Message;
        var separator = problem.IndexOf("): ", StringComparison.Ordinal);
        return problem.StartsWith("(Line:", StringComparison.Ordinal) && separator >= 0 ? problem[(separator + 3)..] : problem;
    }

    /// <summary>Reads the whole JSON document first, for the same reasons as <see cref="YamlSyntaxError"/>.</summary>
    private static string? JsonSyntaxError(string path, string full)
    {
        var bytes = File.ReadAllBytes(full);
        if (bytes.AsSpan().StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..]; // the configuration provider reads through a stream, which skips the byte order mark
        }

        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var objects = new Stack<HashSet<string>?>();
            var first = true;
            while (reader.Read())
            {
                var at = Position(bytes, reader.TokenStartIndex);
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        objects.Push(reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.OrdinalIgnoreCase) : null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        objects.Pop();
                        break;
                    case JsonTokenType.PropertyName when objects.Peek() is { } keys && !keys.Add(reader.GetString()!):
                        return $"{path}:{at}: duplicate key '{reader.GetString()}' (keys are case-insensitive)";
                }

                if (first && reader.TokenType != JsonTokenType.StartObject)
                {
                    return $"{path}:{at}: the top level must be an object of settings (for example \"capacity\" and \"pipelines\")";
                }

                first = false;
            }

            return null;
        }
        catch (JsonException e)
        {
            // System.Text.Json counts from 0 and ends its message with the same position; editors count from 1.
            var problem = e.Message;
            var position = problem.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return $"{path}:{e.LineNumber + 1}:{e.BytePositionInLine + 1}: {(position >= 0 ? problem[..position] : problem)}";
        }
    }

    /// <summary>The 1-based <c>line:column</c> of byte <paramref name="index"/>, counting columns in bytes as System.Text.Json does.</summary>
    private static string Position(byte[] bytes, long index)
    {
        var before = bytes.AsSpan(0, (int)index);
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return $"{before.Count((byte)'\n') + 1}:{before.Length - lineStart + 1}";
    }

    /// <summary>A mapping (its keys so far, and whether the next node is a key) or a sequence (no keys) being parsed.</summary>
    private sealed class YamlFrame(Dictionary<string, long>? keys)
    {
        public Dictionary<string, long>? Keys { get; } = keys;

        public bool NextIsKey { get; set; } = true;
    }
}
