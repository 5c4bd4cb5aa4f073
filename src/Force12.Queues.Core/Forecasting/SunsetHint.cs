namespace Force12.Queues.Core.Forecasting;

/// <summary>A place whose sunset times align a daily cycle (see <see cref="SunsetCalculator"/>).</summary>
/// <param name="Latitude">Degrees north, -90..90.</param>
/// <param name="Longitude">Degrees east, -180..180.</param>
public sealed record SunsetHint(double Latitude, double Longitude);
