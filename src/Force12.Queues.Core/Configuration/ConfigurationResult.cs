namespace Force12.Queues.Core.Configuration;

/// <summary>The outcome of reading configuration: a valid <see cref="AgentConfiguration"/>, or every error found.</summary>
public sealed record ConfigurationResult
{
    private ConfigurationResult(AgentConfiguration? configuration, IReadOnlyList<string> errors)
    {
        Configuration = configuration;
        Errors = errors;
    }

    /// <summary>The configuration, when <see cref="Errors"/> is empty.</summary>
    public AgentConfiguration? Configuration { get; }

    /// <summary>Every problem, one line each naming the path and what was wrong; empty when valid.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>A valid result.</summary>
    public static ConfigurationResult Valid(AgentConfiguration configuration) => new(configuration, []);

    /// <summary>An invalid result.</summary>
    public static ConfigurationResult Invalid(IReadOnlyList<string> errors) => new(null, errors);
}
