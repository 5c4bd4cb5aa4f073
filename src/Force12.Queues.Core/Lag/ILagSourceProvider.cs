using Force12.Queues.Core.Configuration;

namespace Force12.Queues.Core.Lag;

/// <summary>
/// Plugs a source kind into configuration: reads and validates the <c>source</c> section of a pipeline
/// whose <c>kind</c> is <see cref="Kind"/>. Registered once per kind; no central switch to edit.
/// </summary>
public interface ILagSourceProvider
{
    /// <summary>The value of <c>source.kind</c> this provider handles, for example <c>kafka</c>.</summary>
    string Kind { get; }

    /// <summary>
    /// Every key the <c>source</c> section of this kind accepts, <c>kind</c> included, each declared once by the plugin.
    /// The reader rejects any other key before <see cref="Read"/>, and the JSON Schema test compares the schema with these.
    /// </summary>
    IReadOnlyList<string> Keys { get; }

    /// <summary>
    /// Reads the source settings into the kind's typed options and validates them once, recording every problem
    /// through <paramref name="settings"/> under its key. Unknown keys are already reported. Starts nothing and opens
    /// no connection.
    /// </summary>
    /// <returns>The source, or null when the settings have errors.</returns>
    ILagSource? Read(SectionReader settings);
}
