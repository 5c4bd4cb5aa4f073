using System.Text.RegularExpressions;

namespace Force12.Queues.Marathon;

/// <summary>Marathon app ids as configuration writes them: a path of segments, made absolute (<c>bulbs</c> is <c>/bulbs</c>).</summary>
internal static partial class MarathonAppIds
{
    /// <summary>The absolute id, or null when <paramref name="id"/> is not a Marathon app id.</summary>
    public static string? Normalize(string id)
    {
        var trimmed = id.Trim('/');
        return trimmed.Length > 0 && trimmed.Split('/').All(Segment().IsMatch) ? "/" + trimmed : null;
    }

    // Marathon's path segments: lower-case letters, digits, '-' and '.', starting and ending with a letter or digit.
    [GeneratedRegex("^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();
}
