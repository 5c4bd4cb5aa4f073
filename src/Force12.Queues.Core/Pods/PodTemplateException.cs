namespace Force12.Queues.Core.Pods;

/// <summary>A pod template was rejected; <see cref="Errors"/> lists every problem, each naming its field.</summary>
public sealed class PodTemplateException : Exception
{
    /// <summary>Creates the exception for <paramref name="pipeline"/> with every problem found.</summary>
    public PodTemplateException(string pipeline, IReadOnlyList<string> errors)
        : base($"Pod template of pipeline '{pipeline}' is invalid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
    {
        Pipeline = pipeline;
        Errors = errors;
    }

    /// <summary>Pipeline whose template was rejected.</summary>
    public string Pipeline { get; }

    /// <summary>Every problem found, each starting with the field path.</summary>
    public IReadOnlyList<string> Errors { get; }
}
