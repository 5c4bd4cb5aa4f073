using System.Net;

namespace Force12.Queues.Marathon;

/// <summary>Marathon answered a request with an error status; the message names the URL, the app and Marathon's own message.</summary>
public sealed class MarathonApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MarathonApiException(string message, HttpStatusCode statusCode, string body)
        : base(message)
    {
        StatusCode = statusCode;
        Body = body;
    }

    /// <summary>Creates the exception (for serializers and analyzers).</summary>
    public MarathonApiException()
    {
        Body = "";
    }

    /// <summary>Creates the exception (for serializers and analyzers).</summary>
    public MarathonApiException(string message)
        : base(message)
    {
        Body = "";
    }

    /// <summary>Creates the exception (for serializers and analyzers).</summary>
    public MarathonApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Body = "";
    }

    /// <summary>The HTTP status Marathon answered.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Marathon's error message (the <c>message</c> of its JSON error body, or the body itself).</summary>
    public string Body { get; }

    /// <summary>
    /// True for the 409 Marathon answers to a write while a deployment locks the app ("App is locked by one or more
    /// deployments"): try again once the deployment ends, not a failure.
    /// </summary>
    public bool IsLockedByDeployment => StatusCode == HttpStatusCode.Conflict;
}
