using Microsoft.Extensions.Logging;

namespace Force12.Queues.Core.Tests.Pods;

/// <summary>Keeps formatted log messages with their event ids, for assertions.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    public List<(int EventId, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Entries)
        {
            Entries.Add((eventId.Id, formatter(state, exception)));
        }
    }
}
