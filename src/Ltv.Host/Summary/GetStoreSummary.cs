namespace Ltv.Host.Summary;

/// <summary>The query behind <c>ltv summary</c> and GET /api/summary: events, customers, data quality, event times.</summary>
public sealed record GetStoreSummary;
