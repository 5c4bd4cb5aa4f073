using System.Globalization;

namespace Force12.Queues.Cli.Demo;

/// <summary>
/// The bulbs sample pod as pod-template settings: a <c>state-cache</c> container and a <c>processor</c> that
/// updates it over a unix socket in the pod's folder, run from the <c>force12-bulbs</c> program that is
/// built into <c>samples/bulbs/</c> next to <c>force12</c>.
/// </summary>
internal static class BulbsPod
{
    public static Dictionary<string, string> Settings(DemoOptions options, string bootstrapServers, string topic, string auditDirectory)
    {
        var (command, firstArgs) = SampleProgram();
        var settings = new Dictionary<string, string>
        {
            ["stopGracePeriod"] = "10s",
        };
        AddContainer(settings, 0, "state-cache", command, firstArgs, "state-cache", new Dictionary<string, string>
        {
            ["BULBS_STATE_CACHE"] = "unix:../state.sock",
        });
        AddContainer(settings, 1, "processor", command, firstArgs, "processor", new Dictionary<string, string>
        {
            ["BULBS_KAFKA"] = bootstrapServers,
            ["BULBS_TOPIC"] = topic,
            ["BULBS_GROUP"] = "bulbs",
            ["BULBS_WORK_MS"] = options.WorkMilliseconds.ToString(CultureInfo.InvariantCulture),
            ["BULBS_STATE_CACHE"] = "unix:../state.sock",
            ["BULBS_AUDIT_DIR"] = auditDirectory,
        });
        return settings;
    }

    /// <summary>The sample program next to this one: its apphost, or <c>dotnet</c> with its dll.</summary>
    private static (string Command, string[] Args) SampleProgram()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "samples", "bulbs");
        var apphost = Path.Combine(folder, "force12-bulbs");
        if (File.Exists(apphost))
        {
            return (apphost, []);
        }

        var dll = Path.Combine(folder, "force12-bulbs.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The bulbs sample program is missing from {folder}; build the solution first.", dll);
        }

        var dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        return (dotnet, [dll]);
    }

    private static void AddContainer(Dictionary<string, string> settings, int index, string name, string command, string[] firstArgs, string role, Dictionary<string, string> environment)
    {
        var prefix = $"containers:{index}:";
        settings[prefix + "name"] = name;
        settings[prefix + "command"] = command;
        var args = firstArgs.Append(role).ToArray();
        for (var i = 0; i < args.Length; i++)
        {
            settings[$"{prefix}args:{i}"] = args[i];
        }

        foreach (var (key, value) in environment)
        {
            settings[$"{prefix}env:{key}"] = value;
        }
    }
}
