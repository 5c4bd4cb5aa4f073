using System.Buffers.Text;

namespace Force12.Queues.Lightbulbs.Events;

/// <summary>The message key of a lightbulb event: the bulb id in ASCII decimal, so a bulb's events share a partition.</summary>
public static class LightbulbKey
{
    /// <summary>The key bytes for <paramref name="bulbId"/>.</summary>
    public static byte[] Encode(int bulbId)
    {
        Span<byte> buffer = stackalloc byte[11];
        _ = Utf8Formatter.TryFormat(bulbId, buffer, out var written);
        return buffer[..written].ToArray();
    }

    /// <summary>The bulb id in a key, or null when the key is not a decimal number.</summary>
    public static int? Decode(ReadOnlySpan<byte> key) =>
        Utf8Parser.TryParse(key, out int bulbId, out var consumed) && consumed == key.Length ? bulbId : null;
}
