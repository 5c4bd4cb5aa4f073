using System.Formats.Tar;
using Docker.DotNet;
using Docker.DotNet.Models;
using Force12.Queues.Core.Pods;

namespace Force12.Queues.Docker;

/// <summary>
/// The warm pod contract's control folder inside a container (<see cref="Folder"/>), reached only through the Engine API's
/// archive endpoints: <c>PUT /containers/{id}/archive</c> to create the folder and the <c>consume</c> file, and
/// <c>HEAD /containers/{id}/archive</c> (stat only) to see <c>warm</c> or <c>consume</c>. No shared volume or network.
/// </summary>
internal sealed class DockerWarmControl
{
    /// <summary>The control folder inside every container of a warm pod, given as <c>FORCE12_CONTROL_DIR</c>.</summary>
    public const string Folder = "/run/force12";

    private readonly IDockerClient _client;

    public DockerWarmControl(IDockerClient client)
    {
        _client = client;
    }

    /// <summary>Creates the control folder (world-writable, so a non-root pod can write <c>warm</c>) in a created container.</summary>
    public Task CreateFolderAsync(string containerId, CancellationToken cancellationToken) =>
        PutAsync(containerId, "/", [Directory("run/"), Directory("run/force12/")], cancellationToken);

    /// <summary>Creates <c>consume</c> in the container's control folder (one tar entry: the engine writes it whole).</summary>
    public Task PromoteAsync(string containerId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var content = System.Text.Encoding.UTF8.GetBytes(at.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var file = new PaxTarEntry(TarEntryType.RegularFile, WarmPodContract.ConsumeFile)
        {
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            ModificationTime = at,
            DataStream = new MemoryStream(content),
        };
        return PutAsync(containerId, Folder, [file], cancellationToken);
    }

    /// <summary>When <paramref name="file"/> appeared in the container's control folder, or <c>null</c> while it is absent.</summary>
    public async Task<DateTimeOffset?> AppearedAsync(string containerId, string file, CancellationToken cancellationToken)
    {
        try
        {
            var stat = await _client.Containers.GetArchiveFromContainerAsync(
                containerId, new GetArchiveFromContainerParameters { Path = $"{Folder}/{file}" }, statOnly: true, cancellationToken);
            return stat.Stat is { } found ? new DateTimeOffset(DateTime.SpecifyKind(found.Mtime, DateTimeKind.Utc)) : null;
        }
        catch (DockerApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // 404: the path (or the container) is not there; a missing container shows in the next listing.
            return null;
        }
    }

    private static PaxTarEntry Directory(string name) => new(TarEntryType.Directory, name)
    {
        Mode = (UnixFileMode)0b111_111_111,
    };

    private async Task PutAsync(string containerId, string path, IReadOnlyList<PaxTarEntry> entries, CancellationToken cancellationToken)
    {
        using var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                await writer.WriteEntryAsync(entry, cancellationToken);
            }
        }

        tar.Position = 0;
        await _client.Containers.ExtractArchiveToContainerAsync(containerId, new ContainerPathStatParameters { Path = path }, tar, cancellationToken);
    }
}
