namespace Force12.Queues.Core.Forecasting;

/// <summary>
/// Sunset times computed locally with NOAA's solar calculator equations (Meeus, "Astronomical Algorithms"):
/// the sun's declination and the equation of time for the Julian century, then the hour angle at which the
/// sun's centre is 90.833 degrees from the zenith (refraction and the solar disc's radius). Accurate to about
/// a minute between latitudes 72 N and 72 S; no network, no table.
/// </summary>
public static class SunsetCalculator
{
    private const double ZenithDegrees = 90.833;

    /// <summary>
    /// The sunset (UTC) of the local day <paramref name="date"/> at <paramref name="hint"/>'s place, or <c>null</c>
    /// when the sun does not set or rise that day (polar day or night). It may fall on the next UTC day west of Greenwich.
    /// </summary>
    public static DateTimeOffset? SunsetUtc(DateOnly date, SunsetHint hint)
    {
        ArgumentNullException.ThrowIfNull(hint);
        var midnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        // First guess at 18:00 local mean time, then one refinement at the guessed sunset.
        var minutes = 1080 - (4 * hint.Longitude);
        for (var i = 0; i < 2; i++)
        {
            var at = SunsetMinutes(midnight.AddMinutes(minutes), hint);
            if (at is null)
            {
                return null;
            }

            minutes = at.Value;
        }

        return midnight.AddMinutes(minutes);
    }

    /// <summary>Minutes after UTC midnight of the requested day at which the sun sets, for the sun's position at <paramref name="at"/>.</summary>
    private static double? SunsetMinutes(DateTimeOffset at, SunsetHint hint)
    {
        var julianDay = 2440587.5 + ((at - DateTimeOffset.UnixEpoch).TotalDays);
        var t = (julianDay - 2451545.0) / 36525.0;
        var meanLongitude = Mod360(280.46646 + (t * (36000.76983 + (t * 0.0003032))));
        var meanAnomaly = 357.52911 + (t * (35999.05029 - (0.0001537 * t)));
        var eccentricity = 0.016708634 - (t * (0.000042037 + (0.0000001267 * t)));
        var m = Radians(meanAnomaly);
        var centre = (Math.Sin(m) * (1.914602 - (t * (0.004817 + (0.000014 * t))))) + (Math.Sin(2 * m) * (0.019993 - (0.000101 * t))) + (Math.Sin(3 * m) * 0.000289);
        var omega = Radians(125.04 - (1934.136 * t));
        var apparentLongitude = Radians(meanLongitude + centre - 0.00569 - (0.00478 * Math.Sin(omega)));
        var meanObliquity = 23 + ((26 + ((21.448 - (t * (46.815 + (t * (0.00059 - (t * 0.001813)))))) / 60)) / 60);
        var obliquity = Radians(meanObliquity + (0.00256 * Math.Cos(omega)));
        var declination = Math.Asin(Math.Sin(obliquity) * Math.Sin(apparentLongitude));
        var y = Math.Pow(Math.Tan(obliquity / 2), 2);
        var l0 = Radians(meanLongitude);
        var equationOfTime = 4 * Degrees((y * Math.Sin(2 * l0)) - (2 * eccentricity * Math.Sin(m))
            + (4 * eccentricity * y * Math.Sin(m) * Math.Cos(2 * l0)) - (0.5 * y * y * Math.Sin(4 * l0))
            - (1.25 * eccentricity * eccentricity * Math.Sin(2 * m)));
        var latitude = Radians(hint.Latitude);
        var cosHourAngle = (Math.Cos(Radians(ZenithDegrees)) / (Math.Cos(latitude) * Math.Cos(declination))) - (Math.Tan(latitude) * Math.Tan(declination));
        if (cosHourAngle is < -1 or > 1)
        {
            return null;
        }

        var solarNoon = 720 - (4 * hint.Longitude) - equationOfTime;

        // Minutes after UTC midnight of the requested date (the sun's position at <at> only refines it).
        return solarNoon + (4 * Degrees(Math.Acos(cosHourAngle)));
    }

    private static double Mod360(double degrees) => ((degrees % 360) + 360) % 360;

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    private static double Degrees(double radians) => radians * 180 / Math.PI;
}
