using Force12.Queues.Core.Lag;

namespace Force12.Queues.RabbitMQ.Lag;

/// <summary>A management API call failed; <see cref="Kind"/> says how.</summary>
public sealed class RabbitMqManagementException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RabbitMqManagementException(LagErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    /// <summary>Creates an exception of kind <see cref="LagErrorKind.Other"/>.</summary>
    public RabbitMqManagementException()
        : this(LagErrorKind.Other, "RabbitMQ management API call failed.")
    {
    }

    /// <summary>Creates an exception of kind <see cref="LagErrorKind.Other"/>.</summary>
    public RabbitMqManagementException(string message)
        : this(LagErrorKind.Other, message)
    {
    }

    /// <summary>Creates an exception of kind <see cref="LagErrorKind.Other"/>.</summary>
    public RabbitMqManagementException(string message, Exception inner)
        : this(LagErrorKind.Other, message, inner)
    {
    }

    /// <summary>The class of failure.</summary>
    public LagErrorKind Kind { get; }
}
