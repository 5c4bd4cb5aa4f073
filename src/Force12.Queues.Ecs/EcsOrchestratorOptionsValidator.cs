using Force12.Queues.Core.Configuration;

namespace Force12.Queues.Ecs;

/// <summary>Checks <see cref="EcsOrchestratorOptions"/> once, naming each problem by its key in <c>orchestrators.ecs</c>.</summary>
public static class EcsOrchestratorOptionsValidator
{
    /// <summary>Every problem with <paramref name="options"/>; empty when valid.</summary>
    public static IReadOnlyList<SettingProblem> Validate(EcsOrchestratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<SettingProblem>();
        if (string.IsNullOrWhiteSpace(options.Region))
        {
            problems.Add(new(EcsOrchestratorKeys.Region, "is required (or set AWS_REGION), for example eu-west-1"));
        }

        AddIfNotHttp(problems, EcsOrchestratorKeys.Endpoint, options.Endpoint);
        AddIfNotHttp(problems, EcsOrchestratorKeys.AutoScalingEndpoint, options.AutoScalingEndpoint);
        if (options.ScaleInProtectionMinutes is < 0 or > EcsOrchestratorOptions.MaximumScaleInProtectionMinutes)
        {
            problems.Add(new(EcsOrchestratorKeys.ScaleInProtectionMinutes,
                $"must be between 0 and {EcsOrchestratorOptions.MaximumScaleInProtectionMinutes} (was {options.ScaleInProtectionMinutes})"));
        }

        return problems;
    }

    /// <summary>The problem with an endpoint that is not an absolute http(s) URL, as the configuration reports it.</summary>
    public static string NotHttp(string text) => $"'{text}' is not an http(s) URL, for example https://ecs.eu-west-1.amazonaws.com";

    private static void AddIfNotHttp(List<SettingProblem> problems, string key, Uri? endpoint)
    {
        if (endpoint is not null && !(endpoint.IsAbsoluteUri && (endpoint.Scheme == Uri.UriSchemeHttp || endpoint.Scheme == Uri.UriSchemeHttps)))
        {
            problems.Add(new(key, NotHttp(endpoint.OriginalString)));
        }
    }
}
