using System.Reflection;
using Confluent.Kafka;

namespace Force12.Queues.Kafka.Tests.Lag;

/// <summary>
/// An <see cref="IAdminClient"/> that forwards every call to a real client and says when a Metadata call starts and
/// when the client is disposed.
/// </summary>
public class DisposeWatch : DispatchProxy
{
    private IAdminClient _inner = null!;
    private TaskCompletionSource _disposed = null!;
    private TaskCompletionSource _metadataStarted = null!;

    /// <summary>
    /// Wraps <paramref name="inner"/>; <paramref name="metadataStarted"/> completes when a Metadata call starts,
    /// <paramref name="disposed"/> when the wrapper is disposed.
    /// </summary>
    public static IAdminClient Wrap(IAdminClient inner, TaskCompletionSource metadataStarted, TaskCompletionSource disposed)
    {
        var proxy = Create<IAdminClient, DisposeWatch>();
        var watch = (DisposeWatch)(object)proxy;
        watch._inner = inner;
        watch._disposed = disposed;
        watch._metadataStarted = metadataStarted;
        return proxy;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IAdminClient.GetMetadata))
        {
            _metadataStarted.TrySetResult();
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
        finally
        {
            if (targetMethod.Name == nameof(IDisposable.Dispose))
            {
                _disposed.TrySetResult();
            }
        }
    }
}
