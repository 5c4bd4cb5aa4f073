using System.Text.Json;

namespace Force12.Queues.Processes;

/// <summary>Pod records in the state folder: <c>&lt;root&gt;/&lt;pipeline&gt;/&lt;pod id&gt;/pod.json</c>, written atomically.</summary>
internal sealed class ProcessPodStore
{
    private const string RecordFile = "pod.json";
    private readonly string _root;

    public ProcessPodStore(string root)
    {
        _root = root;
    }

    public string PodDirectory(string pipeline, string podId) => Path.Combine(_root, pipeline, podId);

    /// <summary>The control folder of a pod started warm (docs/pod-contract.md).</summary>
    public string ControlDirectory(string pipeline, string podId) => Path.Combine(PodDirectory(pipeline, podId), "control");

    /// <summary>Every pod folder of the pipeline with its record, or <c>null</c> when the record is missing or unreadable.</summary>
    public IReadOnlyList<(string PodId, ProcessPodRecord? Record)> ReadAll(string pipeline)
    {
        var dir = Path.Combine(_root, pipeline);
        if (!Directory.Exists(dir))
        {
            return [];
        }

        return Directory.EnumerateDirectories(dir)
            .Select(podDir => (Path.GetFileName(podDir), Read(podDir)))
            .ToList();
    }

    public ProcessPodRecord? Read(string pipeline, string podId) => Read(PodDirectory(pipeline, podId));

    public void Write(ProcessPodRecord record)
    {
        var dir = PodDirectory(record.Pipeline, record.Id);
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, RecordFile + ".tmp");
        File.WriteAllText(temp, JsonSerializer.Serialize(record, ProcessPodJsonContext.Default.ProcessPodRecord));
        File.Move(temp, Path.Combine(dir, RecordFile), overwrite: true);
    }

    public void Delete(string pipeline, string podId)
    {
        var dir = PodDirectory(pipeline, podId);
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static ProcessPodRecord? Read(string podDir)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(podDir, RecordFile)), ProcessPodJsonContext.Default.ProcessPodRecord);
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
