using System.Globalization;
using Ltv.Domain.Lifetime;
using Ltv.Host.Composition;
using Ltv.Projections.Store.Ranking;

namespace Ltv.Host.Top;

/// <summary>Answers <see cref="GetTopCustomers"/> from the ranking read model, for the CLI and HTTP alike.</summary>
public static class GetTopCustomersHandler
{
    public static Task<TopCustomersAnswer> Handle(GetTopCustomers query, TopCustomersQuery ranking, LtvOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(options);
        if (query.X < 0)
        {
            throw new UserError($"x must be 0 or more; it is {query.X}.");
        }

        if (query.LifespanYears is <= 0 or > LtvSettings.MaxLifespanYears)
        {
            throw new UserError(
                $"lifespan must be more than 0 and at most {LtvSettings.MaxLifespanYears} years; it is {query.LifespanYears.Value.ToString(CultureInfo.InvariantCulture)}.");
        }

        var settings = new LtvSettings(query.Timeframe ?? options.Ltv.Timeframe, query.LifespanYears ?? options.Ltv.LifespanYears);
        return ranking.ExecuteAsync(query.X, settings, ct);
    }
}
