using System.Net;

namespace Force12.Queues.Nomad;

/// <summary>Nomad answered a request with an error status; the message names the address, the job and Nomad's own text.</summary>
public sealed class NomadApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NomadApiException(string message, HttpStatusCode statusCode, string body)
        : base(message)
    {
        StatusCode = statusCode;
        Body = body;
    }

    /// <summary>Creates the exception (for serializers and analyzers).</summary>
    public NomadApiException()
    {
        Body = "";
    }

    /// <summary>Creates the exception (for serializers and analyzers).</summary>
    public NomadApiException(string message)
        : base(message)
    {
        Body = "";
    }

    /// <summary>Creates the exception (for serializers and analyzers).</summary>
    public NomadApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Body = "";
    }

    /// <summary>The HTTP status Nomad answered.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Nomad's error text (its error bodies are plain text).</summary>
    public string Body { get; }

    /// <summary>
    /// True for the 400 that <c>POST /v1/job/:job_id/scale</c> answers while the job has an active deployment
    /// ("job scaling blocked due to active deployment"): try again later, not a failure.
    /// </summary>
    public bool IsBlockedByDeployment =>
        StatusCode == HttpStatusCode.BadRequest && Body.Contains("active deployment", StringComparison.OrdinalIgnoreCase);
}
