namespace Ltv.Host.ReadModels;

/// <summary>
/// The query behind <c>ltv status</c> and GET /api/projections: every projection's position, lag and state, the
/// high-water mark, skipped gaps, dead letters and the oldest open transaction.
/// </summary>
public sealed record GetStoreStatus;
