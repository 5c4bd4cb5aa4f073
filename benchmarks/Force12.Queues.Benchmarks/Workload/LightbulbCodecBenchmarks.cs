using BenchmarkDotNet.Attributes;
using Force12.Queues.Lightbulbs.Events;

namespace Force12.Queues.Benchmarks.Workload;

/// <summary>
/// Does the binary encoding pay? Encode and decode cost of one event in JSON and in the 27-byte binary layout
/// (sizes are printed by <see cref="GlobalSetup"/>). Run:
/// <c>dotnet run -c Release --project benchmarks/Force12.Queues.Benchmarks -- --filter '*LightbulbCodec*'</c>
/// </summary>
[MemoryDiagnoser]
public class LightbulbCodecBenchmarks
{
    private readonly LightbulbEvent _event = new()
    {
        Sequence = 123_456_789, BulbId = 48_213, HomeId = 12_053, On = true, Brightness = 73,
        EventTime = DateTimeOffset.FromUnixTimeMilliseconds(1_764_072_000_123),
    };

    private readonly byte[] _buffer = new byte[128];
    private byte[] _json = [];
    private byte[] _binary = [];
    private ILightbulbEventCodec _codec = JsonLightbulbCodec.Instance;
    private byte[] _encoded = [];

    [Params("json", "binary")]
    public string Codec { get; set; } = "json";

    [GlobalSetup]
    public void GlobalSetup()
    {
        _json = _buffer[..JsonLightbulbCodec.Instance.Encode(_event, _buffer)];
        _binary = _buffer[..BinaryLightbulbCodec.Instance.Encode(_event, _buffer)];
        Console.WriteLine($"// sizes: json {_json.Length} bytes, binary {_binary.Length} bytes");
        _codec = LightbulbCodecs.ByName(Codec)!;
        _encoded = Codec == "json" ? _json : _binary;
    }

    [Benchmark]
    public int Encode() => _codec.Encode(_event, _buffer);

    [Benchmark]
    public LightbulbEvent Decode() => _codec.Decode(_encoded);
}
