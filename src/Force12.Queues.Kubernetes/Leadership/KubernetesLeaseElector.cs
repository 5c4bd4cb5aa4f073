using Force12.Queues.Core.Leadership;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Force12.Queues.Kubernetes.Leadership;

/// <summary>
/// Leader election on a <c>coordination.k8s.io/v1</c> Lease, written on KubernetesClient's typed Lease calls (the .Aot
/// build of the client has no <c>k8s.LeaderElection</c>). Every retry period it reads the Lease and, as
/// <see cref="LeaseElectionRules"/> decides, creates it, renews it, takes it over, or waits; every write is guarded by the
/// resourceVersion it read, so of two candidates only one wins (the other gets 409). <see cref="Current"/> says leader only
/// while the last successful write began less than renewDeadline ago, so a leader cut off from the API server stops acting
/// on its own. On a requested stop it releases the Lease (empty holder) so another agent takes over at its next try.
/// </summary>
internal sealed class KubernetesLeaseElector : ILeadership
{
    private readonly LeaderElectionOptions _options;
    private readonly string _identity;
    private readonly Func<KubernetesLeaseApi> _connect;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _started;
    private readonly string _leaseName;
    private readonly Lock _gate = new();
    private KubernetesLeaseApi? _api;
    private LeaseSighting? _sighting;
    private TimeSpan? _lastWriteBegan;
    private V1Lease? _held;
    private string? _holder;
    private bool _failing;

    /// <summary>Creates the elector; <paramref name="connect"/> is called on the first try (it may read a kubeconfig).</summary>
    public KubernetesLeaseElector(LeaderElectionOptions options, string identity, Func<KubernetesLeaseApi> connect, TimeProvider time, ILogger logger)
    {
        _options = options;
        _identity = identity;
        _connect = connect;
        _time = time;
        _logger = logger;
        _started = time.GetTimestamp();
        _leaseName = $"{options.Namespace}/{options.LeaseName}";
    }

    /// <inheritdoc />
    public LeadershipStatus Current
    {
        get
        {
            lock (_gate)
            {
                return new LeadershipStatus
                {
                    Enabled = true,
                    IsLeader = LeaseElectionRules.MayAct(_lastWriteBegan, Now, _options.RenewDeadline),
                    Identity = _identity,
                    Holder = _holder,
                    LeaseName = _leaseName,
                };
            }
        }
    }

    private TimeSpan Now => _time.GetElapsedTime(_started);

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await TryOnceAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(_options.RetryPeriod, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ReleaseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>One read and at most one write. A failed call is logged (once per streak) and leaves the leadership to expire by its deadline.</summary>
    internal async Task TryOnceAsync(CancellationToken cancellationToken)
    {
        var began = Now;
        try
        {
            _api ??= _connect();
            var lease = await _api.ReadAsync(cancellationToken).ConfigureAwait(false);
            var (action, sighting) = LeaseElectionRules.Next(Record(lease), _sighting, _identity, began, _options.LeaseDuration);
            lock (_gate)
            {
                _sighting = sighting;
                _holder = lease?.Spec?.HolderIdentity;
            }

            var written = action switch
            {
                LeaseAction.Create => await _api.CreateAsync(LeaseWrites.Acquire(null, _options, _identity, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false),
                LeaseAction.Renew => await _api.ReplaceAsync(LeaseWrites.Renew(lease!, _options, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false),
                LeaseAction.TakeOver => await _api.ReplaceAsync(LeaseWrites.Acquire(lease, _options, _identity, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false),
                _ => null,
            };
            Settle(action, written, began);
            if (_failing)
            {
                _failing = false;
                KubernetesLeaderLog.CampaignRecovered(_logger, _api.LeaseName);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Any failure (an API error, an unreadable kubeconfig, an answer the client cannot read) ends this try only: the
            // campaign goes on, and a leader that cannot renew stops acting at its deadline.
            if (!_failing)
            {
                _failing = true;
                KubernetesLeaderLog.CampaignFailing(_logger, ex is KubernetesOrchestratorException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    private void Settle(LeaseAction action, V1Lease? written, TimeSpan began)
    {
        bool wasLeader;
        lock (_gate)
        {
            wasLeader = _held is not null;
            if (written is null)
            {
                // Waiting on another holder, or lost a race (409): this agent does not hold the Lease.
                _lastWriteBegan = null;
                _held = null;
            }
            else
            {
                _lastWriteBegan = began;
                _held = written;
                _holder = _identity;
                _sighting = new LeaseSighting(written.Metadata.ResourceVersion, Now);
            }
        }

        if (written is not null && !wasLeader)
        {
            KubernetesLeaderLog.Acquired(_logger, _identity, _leaseName, action);
        }
        else if (written is null && wasLeader)
        {
            KubernetesLeaderLog.Lost(_logger, _identity, _leaseName, _holder);
        }
    }

    private async Task ReleaseAsync()
    {
        V1Lease? held;
        lock (_gate)
        {
            held = _held;
            _held = null;
            _lastWriteBegan = null; // stop acting before the release can let another take over
        }

        if (held is null || _api is null)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), _time);
        try
        {
            await _api.ReplaceAsync(LeaseWrites.Release(held, _time.GetUtcNow()), timeout.Token).ConfigureAwait(false);
            KubernetesLeaderLog.Released(_logger, _identity, _api.LeaseName);
        }
        catch (Exception ex) when (ex is KubernetesOrchestratorException or OperationCanceledException)
        {
            // The Lease then expires after its duration; nothing else to do on the way out.
            KubernetesLeaderLog.CampaignFailing(_logger, $"releasing the Lease failed, it will expire: {ex.Message}");
        }
    }

    private static LeaseRecord? Record(V1Lease? lease) =>
        lease is null ? null : new LeaseRecord(lease.Spec?.HolderIdentity, lease.Spec?.LeaseDurationSeconds, lease.Metadata?.ResourceVersion ?? "");
}
