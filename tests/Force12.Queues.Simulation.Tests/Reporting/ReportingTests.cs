using Force12.Queues.Simulation.Reporting;

namespace Force12.Queues.Simulation.Tests.Reporting;

public sealed class ReportingTests
{
    private static readonly SimulationReport Report = SimulationRunner.Run(BuiltInScenarios.Dusk(), new SimulationOptions { Duration = TimeSpan.FromSeconds(60) });

    [Fact]
    public void SvgChart_Write_DrawsThreePanelsWithALinePerPolicy()
    {
        using var writer = new StringWriter();

        SvgChart.Write(writer, Report, "lights", "dusk & <test>");

        var svg = writer.ToString();
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg, StringComparison.Ordinal);
        Assert.Contains("dusk &amp; &lt;test>", svg, StringComparison.Ordinal);
        Assert.Equal(1 + 4 + 4, svg.Split("<polyline").Length - 1); // demand once, pods and backlog per policy
        Assert.EndsWith("</svg>\n", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeSeriesCsv_Write_OneLinePerSampleWithHeader()
    {
        using var writer = new StringWriter();

        TimeSeriesCsv.Write(writer, Report.Series);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("policy,pipeline,seconds,arrivalRate,backlog,pods", lines[0]);
        Assert.Equal(Report.Series.Count, lines.Length - 1);
        Assert.Matches(@"^force12,lights,0,\d+(\.\d)?,0,20$", lines[1]);
    }
}
