namespace Ltv.Host.Ingestion.Runs;

/// <summary>The query for the last <paramref name="Limit"/> ingest runs with their summaries, newest first.</summary>
public sealed record GetIngestRuns(int Limit);
