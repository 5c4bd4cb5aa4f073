using Force12.Queues.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace Force12.Queues.Core.Tests.Configuration;

public sealed class SectionReaderTests
{
    [Fact]
    public void Element_NamesListEntriesWithBrackets()
    {
        var (reader, errors) = Reader(new() { ["pod:containers:1:cpu"] = "x" });

        reader.Child("pod").Child("containers").Element("1").Number("cpu", null);

        Assert.Equal(["pipelines.bulbs.pod.containers[1].cpu: 'x' is not a number"], errors);
    }

    [Fact]
    public void Fail_SettingProblem_ReportsItUnderTheSectionPath()
    {
        var (reader, errors) = Reader([]);

        reader.Child("source").Fail(new SettingProblem("topicPattern", "'([' is not a valid regular expression"));

        Assert.Equal(["pipelines.bulbs.source.topicPattern: '([' is not a valid regular expression"], errors);
    }

    [Fact]
    public void RejectUnknown_KeyTable_NamesTheUnknownKeyAsWrittenAndListsTheKnownOnes()
    {
        var (reader, errors) = Reader(new() { ["pod:Standbypods"] = "1", ["pod:NETWORK"] = "host" });

        reader.Child("pod").RejectUnknown(PodKeys.All);

        Assert.Equal(["pipelines.bulbs.pod.Standbypods: unknown setting (known here: network, stopGracePeriod, standby, warm, warmTimeout, warmCountsAgainstCapacity, labels, containers)"], errors);
    }

    private static (SectionReader Reader, List<string> Errors) Reader(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(kv => KeyValuePair.Create($"root:{kv.Key}", kv.Value))).Build();
        var errors = new List<string>();
        return (new SectionReader(configuration.GetSection("root"), "pipelines.bulbs", errors), errors);
    }
}
