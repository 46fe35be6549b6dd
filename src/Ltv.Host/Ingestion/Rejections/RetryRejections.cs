namespace Ltv.Host.Ingestion.Rejections;

/// <summary>
/// The command to validate stored rejections again (of one run, with a reason containing some text, when given),
/// append those that pass now and mark them resolved. It runs as an ingest run of its own.
/// </summary>
public sealed record RetryRejections(long? RunId, string? Reason);
