namespace Ltv.Host.Ingestion;

/// <summary>Handles <see cref="IngestRun"/> with the ingest pipeline (no transaction of its own: each batch is one).</summary>
public static class IngestRunHandler
{
    public static Task<IngestSummary> Handle(IngestRun command, IngestPipeline pipeline, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(pipeline);
        return pipeline.RunAsync(command.Sources, command.Progress, ct);
    }
}
