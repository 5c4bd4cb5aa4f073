using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Force12.Queues.Nomad.Tests;

/// <summary>The endpoints of <see cref="NomadApiDouble"/>.</summary>
internal sealed partial class NomadApiDouble
{
    // GET /v1/job/:job_id/scale: JobScaleStatusResponse.
    private IResult ScaleStatus(string job, HttpContext http)
    {
        if (TryRefuse(http, out var refusal))
        {
            return refusal;
        }

        var ns = NamespaceOf(http);
        if (Cluster.Groups(ns, job) is not { } groups)
        {
            return JobNotFound();
        }

        var allocations = Cluster.Allocations(ns, job);
        return Ok(new
        {
            JobID = job,
            Namespace = ns,
            JobCreateIndex = 10,
            JobModifyIndex = 12,
            JobStopped = false,
            TaskGroups = groups.ToDictionary(g => g.Key, g =>
            {
                var live = allocations.Where(a => a.Group == g.Key && a.IsLive).ToList();
                return new
                {
                    Desired = g.Value,
                    Placed = live.Count,
                    Running = live.Count(a => a.ClientStatus == "running"),
                    Healthy = live.Count(a => a.HealthyAt is not null),
                    Unhealthy = 0,
                    Events = (object?)null,
                };
            }),
        });
    }

    // POST /v1/job/:job_id/scale with a ScalingRequest: JobRegisterResponse.
    private async Task<IResult> ScaleAsync(string job, HttpContext http)
    {
        if (TryRefuse(http, out var refusal))
        {
            return refusal;
        }

        using var body = await JsonDocument.ParseAsync(http.Request.Body);
        var request = body.RootElement.Clone();
        ScaleRequests.Enqueue(request);
        var ns = NamespaceOf(http);
        if (Cluster.Groups(ns, job) is not { } groups)
        {
            return JobNotFound();
        }

        if (!request.TryGetProperty("Target", out var target) || !target.TryGetProperty("Group", out var groupName) || groupName.GetString() is not { Length: > 0 } group)
        {
            return BadRequest("missing task group name");
        }

        if (!groups.ContainsKey(group))
        {
            return BadRequest($"task group \"{group}\" specified for scaling does not exist in job");
        }

        if (!request.TryGetProperty("Count", out var countElement) || countElement.ValueKind != JsonValueKind.Number)
        {
            return BadRequest("scaling action count must be provided");
        }

        var count = countElement.GetInt32();
        if (count < 0)
        {
            return BadRequest("scaling action count can't be negative");
        }

        if (Interlocked.Decrement(ref _deploymentBlocks) >= 0)
        {
            return BadRequest(DeploymentBlockedBody);
        }

        Interlocked.Exchange(ref _deploymentBlocks, 0);
        Cluster.SetCount(ns, job, group, count);
        return Ok(new { EvalID = Guid.NewGuid().ToString(), EvalCreateIndex = 13, JobModifyIndex = 13, Warnings = "", Index = 13, LastContact = 0, KnownLeader = true });
    }

    // GET /v1/job/:job_id/allocations: AllocationListStub[]; Nomad lists nothing (200, []) for a job it does not know.
    private IResult Allocations(string job, HttpContext http) =>
        TryRefuse(http, out var refusal)
            ? refusal
            : Ok(Cluster.Allocations(NamespaceOf(http), job).Select(a => a.ToStub()).ToList());
}
