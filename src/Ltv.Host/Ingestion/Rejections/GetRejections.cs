namespace Ltv.Host.Ingestion.Rejections;

/// <summary>
/// The query for stored rejections, oldest first: of one run and with a reason containing some text when given,
/// those a retry resolved only with <paramref name="All"/>, and those with an id above <paramref name="AfterId"/> (paging).
/// </summary>
public sealed record GetRejections(long? RunId, string? Reason, bool All, long AfterId, int Limit);
