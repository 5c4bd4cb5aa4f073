using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Ecs.Tests.Double;

/// <summary>
/// An API DOUBLE of Amazon ECS and Application Auto Scaling (no ECS can run here), built from the published API
/// references: JSON 1.1 POSTs to "/" with <c>X-Amz-Target: AmazonEC2ContainerServiceV20141113.ACTION</c> or
/// <c>AnyScaleFrontendService.DescribeScalableTargets</c>, a SigV4 <c>Authorization</c> header whose scope names the
/// right service, and errors as HTTP 400 with <c>{"__type", "message"}</c>. It keeps state (clusters, services, tasks
/// that its scheduler starts and stops after short delays, task protection, scalable targets) and fails on request:
/// <see cref="FailNext"/>. Kestrel on 127.0.0.1, port 0.
/// </summary>
internal sealed class EcsApiDouble : IAsyncDisposable
{
    public const string Region = "us-east-1";
    public const string Account = "123456789012";
    private const string EcsPrefix = "AmazonEC2ContainerServiceV20141113.";
    private const string AutoScalingPrefix = "AnyScaleFrontendService.";

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<(string? Action, string Type, int Status)> _failures = new();
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private Task _scheduler = Task.CompletedTask;

    private EcsApiDouble(WebApplication app)
    {
        _app = app;
        app.MapPost("/", HandleAsync);
    }

    public EcsDoubleState State { get; } = new(TimeProvider.System);

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<EcsApiDouble> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var double_ = new EcsApiDouble(builder.Build());
        await double_._app.StartAsync();
        var address = double_._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        double_.Endpoint = new Uri(address + "/");
        double_._scheduler = double_.RunSchedulerAsync();
        return double_;
    }

    /// <summary>Answers the next call of <paramref name="action"/> (any action when null) with error <paramref name="type"/>.</summary>
    public void FailNext(string? action, string type, int status = 400) => _failures.Enqueue((action, type, status));

    /// <summary>How many calls of <paramref name="action"/> reached the double (failed ones included).</summary>
    public int Calls(string action) => _calls.GetValueOrDefault(action);

    public static (int Status, JsonObject Body) Error(string type, string message, int status = 400) =>
        (status, new JsonObject { ["__type"] = type, ["message"] = message });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _scheduler;
        await _app.DisposeAsync();
        _stop.Dispose();
    }

    private async Task RunSchedulerAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                lock (State.Gate)
                {
                    State.Step();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // disposed
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var (status, body) = Answer(target, context.Request.Headers.Authorization.ToString(), context.Request.ContentType,
            await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/x-amz-json-1.1";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private (int Status, JsonObject Body) Answer(string target, string authorization, string? contentType, string text)
    {
        var (signingName, action) = target.StartsWith(EcsPrefix, StringComparison.Ordinal) ? ("ecs", target[EcsPrefix.Length..])
            : target.StartsWith(AutoScalingPrefix, StringComparison.Ordinal) ? ("application-autoscaling", target[AutoScalingPrefix.Length..])
            : ("", target);
        _calls.AddOrUpdate(action, 1, (_, n) => n + 1);
        if (signingName.Length == 0)
        {
            return Error("UnknownOperationException", $"Unknown target {target}");
        }

        if (!authorization.StartsWith("AWS4-HMAC-SHA256 Credential=", StringComparison.Ordinal))
        {
            return Error("MissingAuthenticationTokenException", "Missing Authentication Token", 403);
        }

        if (!authorization.Contains($"/{Region}/{signingName}/aws4_request", StringComparison.Ordinal) || contentType != "application/x-amz-json-1.1")
        {
            return Error("InvalidSignatureException", $"Credential should be scoped to a valid region and service '{signingName}'; content type must be application/x-amz-json-1.1.", 403);
        }

        if (_failures.TryPeek(out var failure) && (failure.Action is null || failure.Action == action) && _failures.TryDequeue(out failure))
        {
            return Error(failure.Type, failure.Type == "ThrottlingException" ? "Rate exceeded" : $"{failure.Type} injected by the test", failure.Status);
        }

        var request = JsonNode.Parse(text.Length == 0 ? "{}" : text) ?? new JsonObject();
        lock (State.Gate)
        {
            return signingName == "ecs" ? EcsDoubleActions.Handle(State, action, request) : DescribeScalableTargets(action, request);
        }
    }

    private (int, JsonObject) DescribeScalableTargets(string action, JsonNode request)
    {
        if (action != "DescribeScalableTargets")
        {
            return Error("UnknownOperationException", $"The action {action} is not valid for this web service.");
        }

        if (request["ServiceNamespace"]?.GetValue<string>() is not { Length: > 0 } serviceNamespace)
        {
            return Error("ValidationException", "1 validation error detected: Value null at 'serviceNamespace' failed to satisfy constraint: Member must not be null");
        }

        var ids = (request["ResourceIds"]?.AsArray() ?? []).Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var targets = State.ScalableTargets.Where(id => serviceNamespace == "ecs" && (ids.Count == 0 || ids.Contains(id)))
            .Select(id => (JsonNode?)new JsonObject
            {
                ["ServiceNamespace"] = "ecs",
                ["ResourceId"] = id,
                ["ScalableDimension"] = "ecs:service:DesiredCount",
                ["MinCapacity"] = 1,
                ["MaxCapacity"] = 10,
                ["RoleARN"] = $"arn:aws:iam::{Account}:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService",
                ["CreationTime"] = 1462558906.199,
            });
        return (200, new JsonObject { ["ScalableTargets"] = new JsonArray([.. targets]) });
    }
}
