using Ltv.Domain.Clv;

namespace Ltv.Host.Clv;

/// <summary>The query for the <paramref name="X"/> customers with the highest predicted CLV over <paramref name="Horizon"/>.</summary>
public sealed record GetClvTop(int X, ClvHorizon Horizon, FitClv Fit);
