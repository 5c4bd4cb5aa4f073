using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Marathon.Tests;

/// <summary>
/// A double of Marathon's REST API (not a Marathon): an in-process Kestrel server on 127.0.0.1 answering the calls the
/// orchestrator makes with the shapes, status codes and JSON error bodies (<c>{"message": ...}</c>) of Marathon's
/// published API reference: <c>GET</c>/<c>PUT /v2/apps/{app_id}</c>, <c>GET /v2/apps/{app_id}/tasks</c> and
/// <c>POST /v2/tasks/delete?scale=true</c>. Its <see cref="MarathonDoubleCluster"/> keeps apps, tasks and deployments
/// and moves them on its own every 25 ms. Tests can require HTTP basic credentials (401), lock the app as a foreign
/// deployment would (409), kill a task, and remove an app (404).
/// </summary>
internal sealed partial class MarathonApiDouble : IAsyncDisposable
{
    /// <summary>Marathon's message for a write to an app a deployment locks (HTTP 409).</summary>
    public const string LockedMessage = "App is locked by one or more deployments. Override with the option '?force=true'. View details at '/v2/deployments/<DEPLOYMENT_ID>'.";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _driver;
    private int _injectedLocks;

    private MarathonApiDouble(WebApplication app)
    {
        _app = app;
        _driver = DriveAsync(_stop.Token);
    }

    /// <summary>The double's URL, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The apps, tasks and deployments.</summary>
    public MarathonDoubleCluster Cluster { get; } = new(TimeProvider.System);

    /// <summary>When set (<c>user:password</c>), every request must carry these HTTP basic credentials.</summary>
    public string? RequiredCredentials { get; set; }

    /// <summary>Every write (method, path and body), accepted or refused, in order.</summary>
    public ConcurrentQueue<string> Writes { get; } = new();

    /// <summary>Starts the double on a free port of 127.0.0.1.</summary>
    public static async Task<MarathonApiDouble> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var marathon = new MarathonApiDouble(app);
        app.MapGet("/v2/apps/{**path}", marathon.Get);
        app.MapPut("/v2/apps/{**path}", marathon.PutAsync);
        app.MapPost("/v2/tasks/delete", marathon.DeleteTasksAsync);
        await app.StartAsync();
        marathon.Url = new Uri(app.Urls.First() + "/");
        return marathon;
    }

    /// <summary>Makes the next <paramref name="times"/> writes answer 409 as if a foreign deployment locked the app.</summary>
    public void InjectDeploymentLock(int times = 1) => Interlocked.Exchange(ref _injectedLocks, times);

    /// <summary>Stops the server and the driver.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _driver;
        await _app.DisposeAsync();
        _stop.Dispose();
    }

    private bool TryRefuse(HttpContext http, out IResult refusal)
    {
        refusal = Results.Empty;
        if (RequiredCredentials is not { } credentials)
        {
            return false;
        }

        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));
        if (http.Request.Headers.Authorization.FirstOrDefault() == expected)
        {
            return false;
        }

        refusal = Error(StatusCodes.Status401Unauthorized, "Invalid username or password.");
        return true;
    }

    private bool TakeInjectedLock()
    {
        if (Interlocked.Decrement(ref _injectedLocks) >= 0)
        {
            return true;
        }

        Interlocked.Exchange(ref _injectedLocks, 0);
        return false;
    }

    private static IResult Locked(string deployment) => Results.Text(
        JsonSerializer.Serialize(new { message = LockedMessage, deployments = new[] { new { id = deployment } } }, Json), "application/json", statusCode: StatusCodes.Status409Conflict);

    private static IResult Error(int status, string message) =>
        Results.Text(JsonSerializer.Serialize(new { message }, Json), "application/json", statusCode: status);

    private static IResult AppMissing(string app) => Error(StatusCodes.Status404NotFound, $"App '{app}' does not exist");

    private static IResult Ok(object body) => Results.Text(JsonSerializer.Serialize(body, Json), "application/json");

    private async Task DriveAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(25));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                Cluster.Step();
            }
        }
        catch (OperationCanceledException)
        {
            // disposed
        }
    }
}
