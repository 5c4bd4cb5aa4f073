using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Nomad.Tests;

/// <summary>
/// A double of Nomad's HTTP API (not a Nomad): an in-process Kestrel server on 127.0.0.1 answering the three calls the
/// orchestrator makes with the shapes, status codes and plain-text error bodies of Nomad's published API reference:
/// <c>GET</c>/<c>POST /v1/job/:job_id/scale</c> and <c>GET /v1/job/:job_id/allocations</c>, with <c>?namespace=</c>
/// (default <c>default</c>) and <c>X-Nomad-Token</c>. Its <see cref="NomadDoubleCluster"/> keeps jobs and allocations
/// and moves them on its own every 25 ms. Tests can require a token (403 <c>Permission denied</c>), make the next scales
/// answer 400 as during an active deployment, kill an allocation, and remove a job (404 <c>job not found</c>).
/// </summary>
internal sealed partial class NomadApiDouble : IAsyncDisposable
{
    /// <summary>Nomad's answer to a scale during an active deployment (HTTP 400).</summary>
    public const string DeploymentBlockedBody = "job scaling blocked due to active deployment";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = null };
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _driver;
    private int _deploymentBlocks;

    private NomadApiDouble(WebApplication app)
    {
        _app = app;
        _driver = DriveAsync(_stop.Token);
    }

    /// <summary>The double's address, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The jobs and allocations.</summary>
    public NomadDoubleCluster Cluster { get; } = new(TimeProvider.System);

    /// <summary>When set, every request must carry this <c>X-Nomad-Token</c> (as with ACLs enabled).</summary>
    public string? RequiredToken { get; set; }

    /// <summary>Bodies of every accepted or refused scale request, in order.</summary>
    public ConcurrentQueue<JsonElement> ScaleRequests { get; } = new();

    /// <summary>Namespaces the requests named (<c>default</c> when none), in order.</summary>
    public ConcurrentQueue<string> NamespacesSeen { get; } = new();

    /// <summary>Starts the double on a free port of 127.0.0.1.</summary>
    public static async Task<NomadApiDouble> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var nomad = new NomadApiDouble(app);
        app.MapGet("/v1/job/{job}/scale", nomad.ScaleStatus);
        app.MapPost("/v1/job/{job}/scale", nomad.ScaleAsync);
        app.MapGet("/v1/job/{job}/allocations", nomad.Allocations);
        await app.StartAsync();
        nomad.Address = new Uri(app.Urls.First() + "/");
        return nomad;
    }

    /// <summary>Makes the next <paramref name="times"/> scale requests answer 400 <see cref="DeploymentBlockedBody"/>.</summary>
    public void InjectDeploymentInProgress(int times = 1) => Interlocked.Exchange(ref _deploymentBlocks, times);

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
        var ns = http.Request.Query["namespace"].FirstOrDefault() is { Length: > 0 } given ? given : "default";
        NamespacesSeen.Enqueue(ns);
        refusal = Results.Empty;
        if (RequiredToken is { } token && http.Request.Headers["X-Nomad-Token"].FirstOrDefault() != token)
        {
            refusal = Results.Text("Permission denied", "text/plain", statusCode: StatusCodes.Status403Forbidden);
            return true;
        }

        return false;
    }

    private static string NamespaceOf(HttpContext http) =>
        http.Request.Query["namespace"].FirstOrDefault() is { Length: > 0 } ns ? ns : "default";

    private static IResult JobNotFound() => Results.Text("job not found", "text/plain", statusCode: StatusCodes.Status404NotFound);

    private static IResult BadRequest(string text) => Results.Text(text, "text/plain", statusCode: StatusCodes.Status400BadRequest);

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
