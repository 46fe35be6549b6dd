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

        return ranking.ExecuteAsync(query.X, options.SettingsFor(query.Timeframe, query.LifespanYears), ct);
    }
}
