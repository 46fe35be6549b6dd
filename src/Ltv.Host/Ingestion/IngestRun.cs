namespace Ltv.Host.Ingestion;

/// <summary>
/// The command to ingest <paramref name="Sources"/> as one run (<c>ltv ingest</c>, POST /api/events): answered with
/// the run's <see cref="IngestSummary"/>. Its handler reads the sources into batches and sends one
/// <see cref="AppendBatch"/> per batch. <paramref name="Progress"/> hears the bytes read so far: the CLI's progress
/// bars, in process only, as the sources are streams.
/// </summary>
public sealed record IngestRun(IReadOnlyList<IngestSource> Sources, IProgress<IngestProgress>? Progress = null);
