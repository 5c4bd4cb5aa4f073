using System.Text.RegularExpressions;
using Force12.Queues.Core.Configuration;
using static Force12.Queues.Kubernetes.KubernetesOrchestratorKeys;

namespace Force12.Queues.Kubernetes;

/// <summary>
/// Reads a pipeline's <c>orchestrator</c> mapping of kind <c>kubernetes</c>: the required <c>target</c> (<c>apiVersion</c>
/// <c>apps/v1</c>, <c>kind</c> Deployment or StatefulSet, <c>name</c>, optional <c>namespace</c>). Every problem is
/// recorded under its path, for example <c>pipelines.bulbs.orchestrator.target.kind: 'Foo' is not supported; use Deployment or StatefulSet</c>.
/// </summary>
public static partial class KubernetesPipelineSettingsReader
{
    /// <summary>Reads the settings; null (with every problem recorded) when they have errors.</summary>
    public static KubernetesPipelineSettings? Read(SectionReader orchestrator)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        if (!orchestrator.Has(Target))
        {
            orchestrator.Fail(Target, "is required: the workload to scale, for example { kind: Deployment, name: bulbs, namespace: iot }");
            return null;
        }

        var errorsBefore = orchestrator.ErrorCount;
        var target = orchestrator.Child(Target);
        target.RejectUnknown(TargetKeys.All);
        var apiVersion = target.Text(TargetKeys.ApiVersion, fallback: KubernetesTarget.AppsV1);
        if (apiVersion != KubernetesTarget.AppsV1)
        {
            target.Fail(TargetKeys.ApiVersion, $"'{apiVersion}' is not supported; use {KubernetesTarget.AppsV1}");
        }

        var kindText = target.Text(TargetKeys.Kind, required: true);
        var kind = default(KubernetesWorkloadKind);
        if (kindText is not null && !TryParseKind(kindText, out kind))
        {
            target.Fail(TargetKeys.Kind, $"'{kindText}' is not supported; use Deployment or StatefulSet");
        }

        var name = target.Text(TargetKeys.Name, required: true);
        if (name is not null && !(name.Length <= 253 && SubdomainName().IsMatch(name)))
        {
            target.Fail(TargetKeys.Name, $"'{name}' is not a Kubernetes object name (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)");
        }

        var ns = target.Text(TargetKeys.Namespace);
        if (ns is not null && !IsNamespace(ns))
        {
            target.Fail(TargetKeys.Namespace, $"'{ns}' is not a Kubernetes namespace (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)");
        }

        return orchestrator.ErrorCount == errorsBefore ? new KubernetesPipelineSettings { Kind = kind, Name = name!, Namespace = ns } : null;
    }

    /// <summary>True when <paramref name="text"/> is a valid namespace name (an RFC 1123 label).</summary>
    public static bool IsNamespace(string text) => text.Length <= 63 && LabelName().IsMatch(text);

    private static bool TryParseKind(string text, out KubernetesWorkloadKind kind)
    {
        // Kinds are case-sensitive in Kubernetes: "deployment" is not a kind, and accepting it would hide a typo.
        kind = text switch
        {
            nameof(KubernetesWorkloadKind.Deployment) => KubernetesWorkloadKind.Deployment,
            nameof(KubernetesWorkloadKind.StatefulSet) => KubernetesWorkloadKind.StatefulSet,
            _ => (KubernetesWorkloadKind)(-1),
        };
        return Enum.IsDefined(kind);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex SubdomainName();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex LabelName();
}
