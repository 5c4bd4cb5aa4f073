using Force12.Queues.Core.Configuration;

namespace Force12.Queues.Core.Pods;

/// <summary>
/// Plugs an orchestrator kind into configuration, as <see cref="Lag.ILagSourceProvider"/> does for a source kind: reads
/// and validates the kind's agent-wide section (<c>orchestrators.KIND</c>) and each pipeline's <c>orchestrator</c>
/// mapping, and creates the orchestrator the agent runs. Registered once per kind; no central switch to edit.
/// </summary>
public interface IPodOrchestratorProvider
{
    /// <summary>The kind pipelines select (<c>orchestrator: docker</c> or <c>orchestrator: { kind: docker }</c>), for example <c>docker</c>.</summary>
    string Kind { get; }

    /// <summary>
    /// Every key the agent-wide section <c>orchestrators.KIND</c> accepts, each declared once by the plugin. The reader
    /// rejects any other key before <see cref="Create"/>, and the JSON Schema test compares the schema with these.
    /// </summary>
    IReadOnlyList<string> Keys { get; }

    /// <summary>
    /// Every key a pipeline's <c>orchestrator</c> mapping of this kind accepts, <c>kind</c> included (see
    /// <see cref="OrchestratorKeys.Kind"/>). The reader rejects any other key before <see cref="ReadPipeline"/>.
    /// </summary>
    IReadOnlyList<string> PipelineKeys { get; }

    /// <summary>
    /// Where the pods of this kind are defined when not by the pipeline's <c>pod</c> section, as a sentence completing
    /// "pod: must not be set for this kind: ...", for example <c>the pod is the Deployment's own pod template</c>.
    /// Null (the default) for kinds that start pods from the pipeline's <c>pod</c> section, which is then required.
    /// Kinds that scale a workload defined in the engine (Kubernetes, Nomad, ECS, Marathon) return the sentence: the
    /// reader then rejects a <c>pod</c> section and hands their orchestrator <see cref="PodTemplate.DefinedByEngine"/>.
    /// </summary>
    string? PodDefinedBy => null;

    /// <summary>
    /// Reads one pipeline's <c>orchestrator</c> settings (empty when the pipeline wrote only the kind) into the kind's
    /// typed record and validates them once, recording every problem through <paramref name="settings"/> under its key.
    /// </summary>
    /// <returns>The pipeline's settings (<see cref="OrchestratorPipelineSettings.None"/> for a kind without any), or null on errors.</returns>
    OrchestratorPipelineSettings? ReadPipeline(SectionReader settings);

    /// <summary>
    /// Reads the agent-wide section (absent means every default) into the kind's typed options, validates them once,
    /// recording every problem under its key, and creates the orchestrator for <paramref name="pipelines"/> (each
    /// pipeline of this kind with what <see cref="ReadPipeline"/> gave). Connects to nothing: the first call does.
    /// </summary>
    /// <returns>The orchestrator, or null when the settings have errors.</returns>
    IPodOrchestrator? Create(SectionReader settings, IReadOnlyDictionary<string, OrchestratorPipelineSettings> pipelines);
}
