using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Kubernetes.Tests.Double;

/// <summary>
/// A Kubernetes API DOUBLE, not a Kubernetes API server: an in-process HTTP server on 127.0.0.1 (a free port) serving
/// exactly the endpoints the <c>kubernetes</c> orchestrator calls, with the request and answer shapes of the Kubernetes
/// API reference (<see cref="KubernetesApiDoubleJson"/>): GET and PATCH (<c>application/merge-patch+json</c>) of
/// <c>deployments/scale</c> and <c>statefulsets/scale</c>, pod list by <c>labelSelector</c>, pod merge patch, and the
/// autoscaling/v2 HorizontalPodAutoscaler list, and the coordination.k8s.io/v1 Leases of leader election
/// (<see cref="KubernetesApiDoubleLeases"/>). Its controllers (<see cref="KubernetesApiDoubleControllers"/>) create and
/// remove pods over short delays. Tests inject 409 Conflict and 403 Forbidden answers. Plain HTTP, no authentication.
/// </summary>
internal sealed class KubernetesApiDouble : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _controllerLoop;

    private KubernetesApiDouble(WebApplication app, KubernetesApiDoubleCluster cluster, KubernetesApiDoubleControllers controllers, KubernetesApiDoubleLeases leases)
    {
        _app = app;
        Cluster = cluster;
        Leases = leases;
        Controllers = controllers;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        _controllerLoop = RunControllersAsync(_stop.Token);
    }

    /// <summary>Where the double listens, for example <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address { get; }

    /// <summary>The state: workloads, pods, autoscalers and injected faults.</summary>
    public KubernetesApiDoubleCluster Cluster { get; }

    /// <summary>The coordination.k8s.io/v1 Leases and every write made to them.</summary>
    public KubernetesApiDoubleLeases Leases { get; }

    /// <summary>Every accepted replica write (PATCH of a scale that set spec.replicas), with the agent that made it and the Lease holders then.</summary>
    public List<ScaleWrite> ScaleWrites { get; } = [];

    /// <summary>The ReplicaSet and StatefulSet controllers and the pod lifecycle.</summary>
    public KubernetesApiDoubleControllers Controllers { get; }

    /// <summary>Every request served, as <c>VERB /path</c> (without the query).</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Starts a double with no workloads.</summary>
    public static async Task<KubernetesApiDouble> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var cluster = new KubernetesApiDoubleCluster(TimeProvider.System);
        var controllers = new KubernetesApiDoubleControllers(cluster);
        var leases = new KubernetesApiDoubleLeases(cluster);
        KubernetesApiDouble? self = null;
        app.Use(async (context, next) =>
        {
            self?.Requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            try
            {
                await next(context);
            }
            catch (Exception ex) when (!context.Response.HasStarted)
            {
                // A bug in the double must show in the test's failure, not as a bare 500.
                await Answer((500, KubernetesApiDoubleJson.Status(500, "InternalError", $"the API double failed: {ex}"))).ExecuteAsync(context);
            }
        });
        const string scale = "/apis/apps/v1/namespaces/{ns}/{resource}/{name}/scale";
        app.MapGet(scale, (string ns, string resource, string name) => Answer(IsScalable(resource) ? cluster.GetScale(resource, ns, name) : NoSuchResource()));
        app.MapMethods(scale, ["PATCH"], async (string ns, string resource, string name, HttpRequest request) =>
        {
            var patch = await ReadAsync(request);
            // Under the cluster's lock (re-entered by PatchScale), so the holders recorded are those at the moment of the write.
            return Answer(IsScalable(resource) ? cluster.Locked(() =>
            {
                var answer = cluster.PatchScale(resource, ns, name, request.ContentType, patch);
                if (answer.Status == 200 && patch?["spec"]?["replicas"] is { } replicas)
                {
                    self!.ScaleWrites.Add(new ScaleWrite(AgentOf(request), replicas.GetValue<int>(), leases.Holders(), cluster.Now));
                }

                return answer;
            }) : NoSuchResource());
        });
        app.MapGet("/api/v1/namespaces/{ns}/pods", (string ns, string? labelSelector) => Answer(cluster.ListPods(ns, labelSelector)));
        app.MapMethods("/api/v1/namespaces/{ns}/pods/{name}", ["PATCH"], async (string ns, string name, HttpRequest request) =>
            Answer(cluster.PatchPod(ns, name, request.ContentType, await ReadAsync(request))));
        app.MapGet("/apis/autoscaling/v2/namespaces/{ns}/horizontalpodautoscalers", (string ns) => Answer(cluster.ListAutoscalers(ns)));
        app.MapGet("/apis/keda.sh/v1alpha1/namespaces/{ns}/scaledobjects", (string ns) => Answer(cluster.ListScaledObjects(ns) ?? NoSuchResource()));
        const string leasesPath = "/apis/coordination.k8s.io/v1/namespaces/{ns}/leases";
        app.MapGet(leasesPath + "/{name}", (string ns, string name) => Answer(leases.Get(ns, name)));
        app.MapPost(leasesPath, async (string ns, HttpRequest request) => Answer(leases.Create(ns, await ReadAsync(request), AgentOf(request))));
        app.MapPut(leasesPath + "/{name}", async (string ns, string name, HttpRequest request) => Answer(leases.Replace(ns, name, await ReadAsync(request), AgentOf(request))));
        app.MapFallback(() => Answer(NoSuchResource()));
        await app.StartAsync();
        self = new KubernetesApiDouble(app, cluster, controllers, leases);
        return self;
    }

    /// <summary>A KubernetesClient pointed at the double (plain HTTP, no credentials).</summary>
    public IKubernetes CreateClient() => new k8s.Kubernetes(new KubernetesClientConfiguration { Host = Address.ToString() });

    /// <summary>A KubernetesClient whose requests <paramref name="agent"/> names and can cut off (see <see cref="DoubleAgentHandler"/>).</summary>
    public IKubernetes CreateClient(DoubleAgentHandler agent) => new k8s.Kubernetes(new KubernetesClientConfiguration { Host = Address.ToString() }, agent);

    /// <summary>Creates a Deployment or StatefulSet with <paramref name="replicas"/> (the controllers then start its pods).</summary>
    public void AddWorkload(KubernetesWorkloadKind kind, string ns, string name, int replicas = 0) => Cluster.Locked(() =>
    {
        var hash = Guid.NewGuid().ToString("N")[..10];
        Cluster.Workloads.Add(new DoubleWorkload
        {
            Resource = kind == KubernetesWorkloadKind.Deployment ? "deployments" : "statefulsets",
            Namespace = ns,
            Name = name,
            Uid = Guid.NewGuid().ToString(),
            CreatedAt = Cluster.Now,
            Replicas = replicas,
            ResourceVersion = Cluster.NextRevision(),
            Labels = new Dictionary<string, string> { ["app"] = name, ["pod-template-hash"] = hash },
        });
        return 0;
    });

    /// <summary>Deletes a workload; its pods go with it (foreground cascading delete, at once).</summary>
    public void RemoveWorkload(string ns, string name) => Cluster.Locked(() =>
    {
        Cluster.Workloads.RemoveAll(w => w.Namespace == ns && w.Name == name);
        Cluster.Pods.RemoveAll(p => p.Owner.Namespace == ns && p.Owner.Name == name);
        return Cluster.NextRevision();
    });

    /// <summary>Creates an autoscaling/v2 HorizontalPodAutoscaler that targets <paramref name="targetKind"/> <paramref name="targetName"/>.</summary>
    public void AddAutoscaler(string ns, string name, string targetKind, string targetName, IReadOnlyDictionary<string, string>? labels = null) =>
        Cluster.Locked(() => { Cluster.Autoscalers.Add(new DoubleAutoscaler(ns, name, targetKind, targetName, labels ?? new Dictionary<string, string>())); return 0; });

    /// <summary>Creates a KEDA ScaledObject (installing KEDA's API in the double) that targets <paramref name="targetKind"/> <paramref name="targetName"/>.</summary>
    public void AddScaledObject(string ns, string name, string targetKind, string targetName, IReadOnlyDictionary<string, string>? annotations = null) =>
        Cluster.Locked(() => { Cluster.ScaledObjects.Add(new DoubleAutoscaler(ns, name, targetKind, targetName, annotations ?? new Dictionary<string, string>())); return 0; });

    /// <summary>Deletes a pod from outside (as <c>kubectl delete pod</c> or a node failure would).</summary>
    public void DeletePod(string ns, string name) => Cluster.Locked(() =>
    {
        foreach (var pod in Cluster.Pods.Where(p => p.Owner.Namespace == ns && p.Name == name))
        {
            Controllers.Delete(pod, Cluster.Now);
        }

        return 0;
    });

    /// <summary>The workload's pods as the double holds them: name, ready, being deleted, pod-deletion-cost annotation.</summary>
    public IReadOnlyList<(string Name, bool Ready, bool Deleting, string? Cost)> PodsOf(string ns, string workload) => Cluster.Locked(() =>
        Cluster.Pods.Where(p => p.Owner.Namespace == ns && p.Owner.Name == workload)
            .Select(p => (p.Name, p.IsReady, p.DeletedAt is not null, p.Annotations.GetValueOrDefault(KubernetesPodDeletionCost.Annotation)))
            .ToList());

    /// <summary>The workload's spec.replicas.</summary>
    public int ReplicasOf(KubernetesWorkloadKind kind, string ns, string name) =>
        Cluster.Locked(() => Cluster.Find(kind == KubernetesWorkloadKind.Deployment ? "deployments" : "statefulsets", ns, name)?.Replicas ?? -1);

    /// <summary>Stops the controllers and the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _controllerLoop;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stop.Dispose();
    }

    private static string? AgentOf(HttpRequest request) =>
        request.Headers.TryGetValue(DoubleAgentHandler.Header, out var agent) ? agent.ToString() : null;

    private static bool IsScalable(string resource) => resource is "deployments" or "statefulsets";

    private static (int, JsonObject) NoSuchResource() =>
        (404, KubernetesApiDoubleJson.Status(404, "NotFound", "the server could not find the requested resource"));

    private static IResult Answer((int Status, JsonObject Body) answer) =>
        Results.Text(answer.Body.ToJsonString(), "application/json", statusCode: answer.Status);

    private static async Task<JsonNode?> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }

    private async Task RunControllersAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Controllers.Step();
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }
}
