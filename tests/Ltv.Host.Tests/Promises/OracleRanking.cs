using System.Globalization;
using System.Text.Json.Nodes;
using Ltv.Domain.Input;
using Ltv.Domain.Lifetime;
using Ltv.Testing;

namespace Ltv.Host.Tests.Promises;

/// <summary>The whole ranking the pure domain computes from the input files (<see cref="LtvOracle"/>), held against `ltv top`.</summary>
public static class OracleRanking
{
    /// <summary>The JSON objects of the files in the order an ingest of them reads them, read by the domain's own reader.</summary>
    public static async Task<IReadOnlyList<string>> ObjectsAsync(params string[] files)
    {
        var objects = new List<string>();
        foreach (var file in files)
        {
            await using var stream = File.OpenRead(file);
            await foreach (var record in RawEventReader.ReadAsync(stream))
            {
                if (record.Kind == RawRecordKind.Object)
                {
                    objects.Add(record.Text);
                }
            }
        }

        return objects;
    }

    /// <summary>Every row of both timeframes' rankings, in order, equals the oracle's (the first object of an identity wins).</summary>
    public static void ShouldAgree(AnswersSnapshot answers, IReadOnlyList<string> objects)
    {
        foreach (var timeframe in new[] { Timeframe.Dataset, Timeframe.Customer })
        {
            var name = timeframe.ToString().ToLowerInvariant();
            var expected = LtvOracle.Top(objects, new LtvSettings(timeframe), int.MaxValue)
                .Select(c => Row(c.CustomerId.Value, c.LastName, c.Visits, c.Orders, c.Revenue, c.Weeks, c.Ltv));
            var actual = answers.Json(AnswersSnapshot.Top(name)).AsArray().Select(c => Row(
                Text(c!["customerId"])!, Text(c["lastName"]), Number(c["visits"]), Number(c["orders"]), Money(c["revenue"]), Number(c["weeks"]), Money(c["ltv"])));

            actual.ShouldBe(expected, $"`ltv top` against the oracle, timeframe {name}");
        }
    }

    private static string Row(string id, string? lastName, long visits, long orders, decimal revenue, long weeks, decimal ltv) =>
        string.Create(CultureInfo.InvariantCulture, $"{id} {lastName ?? "-"} {visits} {orders} {Math.Round(revenue, 2, MidpointRounding.AwayFromZero):F2} {weeks} {ltv:F2}");

    private static string? Text(JsonNode? node) => node?.GetValue<string>();

    private static long Number(JsonNode? node) => node!.GetValue<long>();

    private static decimal Money(JsonNode? node) => node!.GetValue<decimal>();
}
