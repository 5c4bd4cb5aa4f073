using System.Globalization;
using System.Numerics;

namespace Force12.Queues.Kinesis.Client;

/// <summary>
/// Kinesis sequence numbers: decimal strings (the API allows up to 129 digits; real ones are 56 digits, above 2^128) (kinesalite and
/// the real service both hand out 56-digit ones), increasing within a shard but not dense, so two of
/// them are compared, never subtracted to count records.
/// </summary>
public static class SequenceNumbers
{
    /// <summary>Parses a sequence number; throws <see cref="FormatException"/> naming the text when it is not a non-negative decimal.</summary>
    public static BigInteger Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text.Length > 129 || !text.All(char.IsAsciiDigit))
        {
            throw new FormatException($"'{text}' is not a Kinesis sequence number (a decimal string of digits)");
        }

        return BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>Parses a sequence number, or returns false when <paramref name="text"/> is not one (for example a sentinel such as TRIM_HORIZON).</summary>
    public static bool TryParse(string? text, out BigInteger value)
    {
        value = default;
        if (string.IsNullOrEmpty(text) || text.Length > 129 || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        value = BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>The canonical decimal text.</summary>
    public static string Format(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
