using System.Diagnostics.Metrics;

namespace Force12.Queues.Testing.Metrics;

/// <summary>
/// An <see cref="IMeterFactory"/> whose meters carry the factory as their scope, so a test's listener sees only the
/// instruments it created (other tests running at the same time use their own factory). Disposes its meters.
/// </summary>
public sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _created = [];

    /// <inheritdoc />
    public Meter Create(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Scope = this });
        lock (_created)
        {
            _created.Add(meter);
        }

        return meter;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_created)
        {
            _created.ForEach(m => m.Dispose());
            _created.Clear();
        }
    }
}
