namespace Force12.Queues.Processes.Tests;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class ExecutableResolverTests
{
    [Fact]
    public void Resolve_NameOnPath_ReturnsFullPath()
    {
        var path = ExecutableResolver.Resolve("sh", "/");

        Assert.NotNull(path);
        Assert.EndsWith("/sh", path, StringComparison.Ordinal);
        Assert.True(Path.IsPathRooted(path));
    }

    [Fact]
    public void Resolve_RelativePath_IsTakenFromWorkingDirectory()
    {
        Assert.Equal("/bin/sh", ExecutableResolver.Resolve("./sh", "/bin"));
    }

    [Theory]
    [InlineData("/does-not-exist")]
    [InlineData("no-such-command-force12")]
    public void Resolve_MissingOrNotExecutable_ReturnsNull(string command)
    {
        Assert.Null(ExecutableResolver.Resolve(command, "/"));
    }

    [Fact]
    public void Resolve_FileWithoutExecuteBit_ReturnsNull()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);

            Assert.Null(ExecutableResolver.Resolve(file, "/"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
