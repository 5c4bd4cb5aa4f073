namespace Force12.Queues.Processes.Tests;

public class ProcessIdentityTests
{
    [Fact]
    public void ReadStartTicks_OwnProcess_IsStableAndAlive()
    {
        var pid = Environment.ProcessId;

        var ticks = ProcessIdentity.ReadStartTicks(pid);

        Assert.NotNull(ticks);
        Assert.Equal(ticks, ProcessIdentity.ReadStartTicks(pid));
        Assert.True(ProcessIdentity.IsAlive(pid, ticks.Value));
    }

    [Fact]
    public void IsAlive_SamePidOtherStartTime_IsFalse()
    {
        var pid = Environment.ProcessId;
        var ticks = ProcessIdentity.ReadStartTicks(pid)!.Value;

        Assert.False(ProcessIdentity.IsAlive(pid, ticks + 1));
    }

    [Fact]
    public void ReadStartTicks_NoSuchProcess_IsNull()
    {
        // Above the kernel's pid_max limit (4194304), so it can never exist.
        Assert.Null(ProcessIdentity.ReadStartTicks(5_000_000));
        Assert.False(ProcessIdentity.IsAlive(5_000_000, 1));
    }
}
