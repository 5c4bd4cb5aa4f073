using Force12.Queues.Lightbulbs.Audit;

namespace Force12.Queues.Chaos;

/// <summary>The bulb-state stage's audit against every state change the tap saw (RabbitMQ accepted it).</summary>
internal static class DownstreamAudit
{
    /// <summary>Writes <paramref name="published"/> to <paramref name="publishedFile"/> (replacing it) and audits <paramref name="stateAuditFolder"/> against it.</summary>
    public static AuditReport Run(long[] published, string publishedFile, string stateAuditFolder)
    {
        ArgumentNullException.ThrowIfNull(published);
        File.Delete(publishedFile);
        using (var writer = new AuditLogWriter(publishedFile))
        {
            foreach (var sequence in published)
            {
                writer.Append(sequence);
            }

            writer.Flush();
        }

        return AuditReader.AuditAgainst([publishedFile], stateAuditFolder);
    }
}
