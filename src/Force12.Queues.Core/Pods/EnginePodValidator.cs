namespace Force12.Queues.Core.Pods;

/// <summary>
/// The checks every orchestrator whose engine defines the pod (Kubernetes, Swarm, Nomad, Marathon, ECS) makes in
/// <see cref="IPodOrchestrator.Validate"/>: the pipeline has no <c>pod</c> section, and it names its target in the
/// engine. Messages name the key by its path in the user's file.
/// </summary>
public static class EnginePodValidator
{
    /// <summary>
    /// Returns the problems with <paramref name="template"/> for orchestrator kind <paramref name="kind"/>; empty when
    /// it is valid.
    /// </summary>
    /// <param name="template">The pipeline's pod template (engine-defined when it has no <c>pod</c> section).</param>
    /// <param name="kind">The orchestrator kind, as written in the file (for example <c>nomad</c>).</param>
    /// <param name="podDefinedBy">Why the pipeline has no <c>pod</c> section (<see cref="IPodOrchestratorProvider.PodDefinedBy"/>).</param>
    /// <param name="hasTarget">Whether the orchestrator knows the pipeline's target in the engine.</param>
    /// <param name="missingTarget">The problem to report when <paramref name="hasTarget"/> is false, naming the key's path.</param>
    public static IReadOnlyList<string> Validate(PodTemplate template, string kind, string podDefinedBy, bool hasTarget, string missingTarget)
    {
        ArgumentNullException.ThrowIfNull(template);
        var problems = new List<string>(2);
        if (!template.IsDefinedByEngine)
        {
            problems.Add($"{PodTemplateValidator.PathOf(template)}: must not be set for orchestrator kind '{kind}': {podDefinedBy}");
        }

        if (!hasTarget)
        {
            problems.Add(missingTarget);
        }

        return problems;
    }
}
