namespace Force12.Queues.Core.Configuration;

/// <summary>
/// One problem with one setting, named by its configuration key (or a key path relative to the section
/// being checked, such as <c>containers[0].name</c>), so that every validator speaks the user's language.
/// </summary>
/// <param name="Key">The key as the user writes it, relative to the section that was checked.</param>
/// <param name="Problem">What was wrong, for example <c>must be positive (was 0s)</c>.</param>
public sealed record SettingProblem(string Key, string Problem)
{
    /// <summary>The problem in the one message format: <c>&lt;key&gt;: &lt;problem&gt;</c>.</summary>
    public override string ToString() => $"{Key}: {Problem}";
}
