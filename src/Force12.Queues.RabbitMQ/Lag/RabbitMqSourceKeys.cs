using Force12.Queues.Core.Configuration;

namespace Force12.Queues.RabbitMQ.Lag;

/// <summary>The keys of a <c>source</c> section of kind <c>rabbitmq</c>, written once for the provider, the options' rules and the schema test.</summary>
public static class RabbitMqSourceKeys
{
    /// <summary><c>queues</c>: queue names (list). Required.</summary>
    public const string Queues = "queues";

    /// <summary><c>managementUrl</c>: the management API's URL.</summary>
    public const string ManagementUrl = "managementUrl";

    /// <summary><c>username</c>: management API user.</summary>
    public const string Username = "username";

    /// <summary><c>password</c>: management API password.</summary>
    public const string Password = "password";

    /// <summary><c>virtualHost</c>: the virtual host of the queues.</summary>
    public const string VirtualHost = "virtualHost";

    /// <summary><c>requestTimeout</c>: time limit of each request.</summary>
    public const string RequestTimeout = "requestTimeout";

    /// <summary><c>stallAfter</c>: stall window.</summary>
    public const string StallAfter = "stallAfter";

    /// <summary>Every key a <c>rabbitmq</c> source accepts, <c>kind</c> included.</summary>
    public static IReadOnlyList<string> All { get; } = [SourceKeys.Kind, Queues, ManagementUrl, Username, Password, VirtualHost, RequestTimeout, StallAfter];
}
