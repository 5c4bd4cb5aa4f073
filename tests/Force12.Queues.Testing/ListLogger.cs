using Microsoft.Extensions.Logging;

namespace Force12.Queues.Testing;

/// <summary>Keeps formatted log messages with their event ids, for assertions.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    /// <summary>Every message logged so far (at any level), in order, with its event id.</summary>
    public List<(int EventId, string Message)> Entries { get; } = [];

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        lock (Entries)
        {
            Entries.Add((eventId.Id, formatter(state, exception)));
        }
    }
}
