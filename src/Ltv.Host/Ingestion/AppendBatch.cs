namespace Ltv.Host.Ingestion;

/// <summary>
/// The command that appends one batch of an ingest run: its events to their streams, its rejections and the run's
/// counters, all in one transaction. An ingest run (<c>ltv ingest</c>, POST /api/events) reads its sources into
/// batches and sends one of these per batch, several at a time (<see cref="IngestPipeline"/>).
/// </summary>
public sealed record AppendBatch(long RunId, PendingBatch Batch);
