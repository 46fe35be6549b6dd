namespace Ltv.Host.Ingestion;

/// <summary>How far an ingest has come, reported after each committed batch.</summary>
/// <param name="SourceIndex">The position of the source being read in the run's list of sources.</param>
/// <param name="Source">The source being read.</param>
/// <param name="BytesRead">Bytes of that source consumed so far (compressed bytes for gzip input).</param>
/// <param name="Length">That source's length, when known.</param>
/// <param name="Read">Records read so far in the whole run.</param>
public sealed record IngestProgress(int SourceIndex, string Source, long BytesRead, long? Length, long Read);
