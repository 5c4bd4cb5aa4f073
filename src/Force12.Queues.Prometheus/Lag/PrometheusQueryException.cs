using Force12.Queues.Core.Lag;

namespace Force12.Queues.Prometheus.Lag;

/// <summary>A query to Prometheus failed or its answer was not one number; <see cref="Kind"/> says how.</summary>
public sealed class PrometheusQueryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PrometheusQueryException(LagErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    /// <summary>Creates an exception of kind <see cref="LagErrorKind.Other"/>.</summary>
    public PrometheusQueryException()
        : this(LagErrorKind.Other, "Prometheus query failed.")
    {
    }

    /// <summary>Creates an exception of kind <see cref="LagErrorKind.Other"/>.</summary>
    public PrometheusQueryException(string message)
        : this(LagErrorKind.Other, message)
    {
    }

    /// <summary>Creates an exception of kind <see cref="LagErrorKind.Other"/>.</summary>
    public PrometheusQueryException(string message, Exception inner)
        : this(LagErrorKind.Other, message, inner)
    {
    }

    /// <summary>The class of failure.</summary>
    public LagErrorKind Kind { get; }
}
