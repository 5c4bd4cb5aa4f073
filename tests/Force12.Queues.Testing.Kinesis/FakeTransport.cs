using Force12.Queues.Kinesis.Client;

namespace Force12.Queues.Testing.Kinesis;

/// <summary>A scripted transport: answers requests in order and records what was sent.</summary>
internal sealed class FakeTransport(params KinesisHttpResponse[] answers) : IKinesisTransport
{
    private readonly Queue<KinesisHttpResponse> _answers = new(answers);

    public List<(string Operation, string Body)> Sent { get; } = [];

    public Uri Endpoint { get; } = new("http://fake-kinesis/");

    public Task<KinesisHttpResponse> SendAsync(string operation, string jsonBody, CancellationToken cancellationToken)
    {
        Sent.Add((operation, jsonBody));
        return Task.FromResult(_answers.Dequeue());
    }

    public static KinesisHttpResponse Ok(string body) => new(200, body);

    public static KinesisHttpResponse Error(int status, string type, string message = "m") =>
        new(status, $$"""{"__type":"{{type}}","message":"{{message}}"}""");
}
