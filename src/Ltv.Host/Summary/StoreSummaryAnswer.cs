using Ltv.Projections;
using Ltv.Projections.Store.Status;

namespace Ltv.Host.Summary;

/// <summary>The answer to <see cref="GetStoreSummary"/>: what the store holds, and each read model's state.</summary>
public sealed record StoreSummaryAnswer(StoreSummary Summary, IReadOnlyList<ProjectionStatus> Projections);
