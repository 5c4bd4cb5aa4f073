namespace Force12.Queues.Agent;

/// <summary>Process exit codes that scripts can rely on, shared by every verb.</summary>
internal static class ExitCodes
{
    /// <summary>The verb did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The verb ran but could not finish: a source could not be read, a service failed.</summary>
    public const int Failure = 1;

    /// <summary>The command line or the configuration is invalid; nothing was started.</summary>
    public const int BadArguments = 2;
}
