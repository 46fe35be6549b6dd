namespace Ltv.Projections.Store.Hosts;

/// <summary>
/// A serving host (<c>ltv serve</c>) that says it is alive: it stores this every few seconds and deletes it when it
/// stops. A host killed outright leaves its last heartbeat behind, which <c>ltv status</c> shows with its age. Only
/// for watching: which host runs a read model is decided by Marten's HotCold locks, never by these.
/// </summary>
/// <param name="Id">The host's name (LTV_HOST_NAME), also the application name of its sessions.</param>
/// <param name="Urls">Where it listens.</param>
/// <param name="ProcessId">Its process id on its machine.</param>
/// <param name="StartedAt">When it started.</param>
public sealed record HostHeartbeat(string Id, string Urls, int ProcessId, DateTimeOffset StartedAt)
{
    /// <summary>Marten's name for the document type: its table is mt_doc_ltv_host.</summary>
    public const string Alias = "ltv_host";

    public static string Table(string schema) => $"{schema}.mt_doc_{Alias}";
}
