using System.Buffers.Binary;

namespace Force12.Queues.Lightbulbs.Audit;

/// <summary>
/// An append-only audit file of sequence numbers (8 bytes little-endian each). <see cref="Append"/> buffers in
/// memory; <see cref="Flush"/> writes and fsyncs, so a caller that flushes before committing its offsets never
/// has a committed event that is not on disk. A crash can leave a torn last record; the reader ignores it.
/// Thread-safe.
/// </summary>
public sealed class AuditLogWriter : IDisposable
{
    /// <summary>File name extension of audit files.</summary>
    public const string Extension = ".f12audit";

    private readonly FileStream _file;
    private readonly Lock _gate = new();
    private byte[] _buffer = new byte[8 * 1024];
    private int _used;

    /// <summary>Opens (creating or appending to) <paramref name="path"/>.</summary>
    public AuditLogWriter(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
    }

    /// <summary>The file written.</summary>
    public string Path { get; }

    /// <summary>A writer for a new file named <c>&lt;name&gt;.f12audit</c> in <paramref name="folder"/>.</summary>
    public static AuditLogWriter InFolder(string folder, string name) => new(System.IO.Path.Combine(folder, name + Extension));

    /// <summary>Buffers one sequence number.</summary>
    public void Append(long sequence)
    {
        lock (_gate)
        {
            if (_used + 8 > _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_used), sequence);
            _used += 8;
        }
    }

    /// <summary>Writes the buffered numbers and forces them to disk (fsync). Cheap when nothing is buffered.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            if (_used == 0)
            {
                return;
            }

            _file.Write(_buffer, 0, _used);
            _file.Flush(flushToDisk: true);
            _used = 0;
        }
    }

    /// <summary>Drops buffered numbers that were never flushed (work abandoned before its commit).</summary>
    public void DiscardUnflushed()
    {
        lock (_gate)
        {
            _used = 0;
        }
    }

    /// <summary>Closes the file; buffered numbers that were not flushed are dropped, as their work was not committed.</summary>
    public void Dispose() => _file.Dispose();
}
