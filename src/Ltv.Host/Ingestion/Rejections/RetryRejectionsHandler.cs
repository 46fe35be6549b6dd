namespace Ltv.Host.Ingestion.Rejections;

/// <summary>Handles <see cref="RetryRejections"/> with <see cref="RejectedRetryHandler"/>, which appends page by page.</summary>
public static class RetryRejectionsHandler
{
    public static async Task<RetrySummary> Handle(RetryRejections command, RejectedRetryHandler retry, IngestRunStore runs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(retry);
        await RunCheck.EnsureExistsAsync(runs, command.RunId, ct);
        return await retry.HandleAsync(command.RunId, command.Reason, ct);
    }
}
