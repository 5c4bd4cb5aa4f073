using System.Globalization;

namespace Force12.Queues.Tools.Demo;

/// <summary>
/// The bulbs sample pod as pod-template settings: a <c>state-cache</c> container and a <c>processor</c> that
/// updates it over a unix socket in the pod's folder, run from the <c>force12-bulbs</c> program that is
/// built into <c>samples/bulbs/</c> next to <c>force12</c>.
/// </summary>
internal static class BulbsPod
{
    /// <summary>The image <c>--orchestrator docker</c> runs; build it with scripts/build-images.sh.</summary>
    public const string Image = "force12/bulbs:dev";

    /// <summary>
    /// Pod settings of <paramref name="pipeline"/> (its topic, group and work per message) for the process orchestrator (the sample program from this build, a unix socket in the pod's
    /// folder) or for Docker (the <see cref="Image"/> on the host network, so the processor reaches the embedded
    /// Kafka on 127.0.0.1, with a socket per pod in a folder shared by bind mount).
    /// </summary>
    public static Dictionary<string, string> Settings(DemoOptions options, DemoPipeline pipeline, string bootstrapServers, string stateDirectory)
    {
        var docker = options.Orchestrator == "docker";
        var shared = Path.Combine(stateDirectory, "shared");
        Directory.CreateDirectory(Path.Combine(shared, "audit"));
        var stateCache = docker ? "unix:/run/force12/{pod}.sock" : "unix:../state.sock";
        var settings = new Dictionary<string, string> { ["stopGracePeriod"] = "10s" };
        if (docker)
        {
            settings["network"] = "host";
        }

        AddContainer(settings, 0, "state-cache", docker, shared, new Dictionary<string, string>
        {
            ["BULBS_STATE_CACHE"] = stateCache,
        });
        AddContainer(settings, 1, "processor", docker, shared, new Dictionary<string, string>
        {
            ["BULBS_KAFKA"] = bootstrapServers,
            ["BULBS_TOPIC"] = pipeline.Name,
            ["BULBS_GROUP"] = pipeline.Name,
            ["BULBS_WORK_MS"] = pipeline.WorkMilliseconds.ToString(CultureInfo.InvariantCulture),
            ["BULBS_STATE_CACHE"] = stateCache,
            ["BULBS_AUDIT_DIR"] = docker ? "/run/force12/audit" : Path.Combine(shared, "audit"),
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

    private static void AddContainer(Dictionary<string, string> settings, int index, string role, bool docker, string shared, Dictionary<string, string> environment)
    {
        var prefix = $"containers:{index}:";
        settings[prefix + "name"] = role;
        string[] args;
        if (docker)
        {
            settings[prefix + "image"] = Image;
            settings[prefix + "mounts:0:hostPath"] = shared;
            settings[prefix + "mounts:0:containerPath"] = "/run/force12";
            args = [role];
        }
        else
        {
            var (command, firstArgs) = SampleProgram();
            settings[prefix + "command"] = command;
            args = [.. firstArgs, role];
        }

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
