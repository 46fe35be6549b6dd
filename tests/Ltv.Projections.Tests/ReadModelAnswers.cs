using System.Text.Json;
using Ltv.Domain.DailyStats;
using Ltv.Domain.Lifetime;
using Ltv.Projections.DailyStats;
using Ltv.Projections.Store.Customers;
using Ltv.Testing;

namespace Ltv.Projections.Tests;

/// <summary>
/// What the product's queries answer from every read model, as one comparable text: the whole ranking in both
/// timeframes, every ranked customer's view, the daily statistics of the synthetic events' years, the top customers over
/// them and the repeaters. Damage to any read model shows in it.
/// </summary>
internal static class ReadModelAnswers
{
    private const int Everyone = 1_000_000;

    private static readonly (DateOnly From, DateOnly To) Years = (new DateOnly(2016, 1, 1), new DateOnly(2018, 12, 31));

    public static async Task<string> AskAsync(LtvTestApp app)
    {
        var ranking = await app.TopAsync(Everyone, LtvSettings.Default);
        var answers = new List<object?> { ranking, await app.TopAsync(Everyone, new LtvSettings(Timeframe.Customer)) };
        foreach (var customer in ranking)
        {
            answers.Add(await app.Get<CustomerQuery>().ExecuteAsync(customer.CustomerId.Value, default));
        }

        answers.Add((await app.Get<DailyStatsQuery>().RangeAsync(Years.From, Years.To, default)).Stats);
        answers.Add((await app.Get<PeriodCustomersQuery>().TopAsync(Years.From, Years.To, TopMetric.Revenue, Everyone, default)).Stats);
        answers.Add((await app.Get<PeriodCustomersQuery>().RepeatersAsync(DayWindow.All, withList: true, default)).Stats);
        return JsonSerializer.Serialize(answers);
    }
}
