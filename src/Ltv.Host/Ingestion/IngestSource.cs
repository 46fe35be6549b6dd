namespace Ltv.Host.Ingestion;

/// <summary>A named input: a file, or an HTTP request body.</summary>
/// <param name="Name">How rejections and summaries refer to it.</param>
/// <param name="Content">The raw bytes (gzip or not); read once, front to back.</param>
/// <param name="Length">Its length in bytes when known, for progress.</param>
public sealed record IngestSource(string Name, Stream Content, long? Length);
