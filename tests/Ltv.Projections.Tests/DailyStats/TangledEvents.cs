using System.Globalization;

namespace Ltv.Projections.Tests.DailyStats;

/// <summary>
/// Raw events built to stress daily statistics: few customers over a few days, order keys shared between
/// customers, orders with several NEW and UPDATE events in any time order (updates before the NEW, updates
/// only), times close to midnight, and offsets that put the UTC day on the other side of midnight.
/// </summary>
internal static class TangledEvents
{
    private static readonly DateTimeOffset Start = new(2017, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan[] Offsets = [TimeSpan.Zero, TimeSpan.FromHours(-5), TimeSpan.FromMinutes(330)];

    public static IReadOnlyList<string> Generate(int seed, int customers)
    {
        var random = new Random(seed);
        var lines = new List<string>();
        var serial = 0;

        // Unique microseconds keep every identity distinct, so arrival order never decides which duplicate is kept.
        DateTimeOffset Time() => random.Next(3) == 0
            ? Start.AddDays(random.Next(6) + 1).AddSeconds(random.Next(-3, 3)).AddTicks(10 * ++serial)
            : Start.AddMinutes(random.Next(6 * 24 * 60)).AddTicks(10 * ++serial);
        string When() => Format(Time(), Offsets[random.Next(Offsets.Length)]);

        for (var c = 0; c < customers; c++)
        {
            var id = $"t{c}";
            if (random.Next(3) != 0)
            {
                lines.Add($$"""{"type": "CUSTOMER", "verb": "NEW", "key": "{{id}}", "event_time": "{{When()}}", "last_name": "L{{c}}"}""");
            }

            for (var v = random.Next(4); v > 0; v--)
            {
                lines.Add($$"""{"type": "SITE_VISIT", "verb": "NEW", "key": "p{{random.Next(5)}}", "event_time": "{{When()}}", "customer_id": "{{id}}"}""");
            }

            for (var i = random.Next(3); i > 0; i--)
            {
                lines.Add($$"""{"type": "IMAGE", "verb": "UPLOAD", "key": "i{{serial}}", "event_time": "{{When()}}", "customer_id": "{{id}}"}""");
            }

            for (var o = random.Next(4); o > 0; o--)
            {
                var key = $"k{random.Next(4)}";
                for (var e = 1 + random.Next(3); e > 0; e--)
                {
                    var verb = random.Next(3) == 0 ? "NEW" : "UPDATE";
                    var amount = (random.Next(1, 40000) / 100m).ToString(CultureInfo.InvariantCulture);
                    lines.Add($$"""{"type": "ORDER", "verb": "{{verb}}", "key": "{{key}}", "event_time": "{{When()}}", "customer_id": "{{id}}", "total_amount": "{{amount}} USD"}""");
                }
            }
        }

        return lines;
    }

    private static string Format(DateTimeOffset utc, TimeSpan offset) =>
        offset == TimeSpan.Zero
            ? utc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)
            : utc.ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);
}
