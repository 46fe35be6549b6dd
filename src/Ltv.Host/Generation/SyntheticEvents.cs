using System.Globalization;

namespace Ltv.Host.Generation;

/// <summary>
/// Deterministic synthetic raw events with a realistic shape: visits per customer skewed (most customers
/// visit a few times, some very often), orders on a fraction of visits, some orders amended later (or only
/// amended), some customers updated or never registered, images. Used by tests, demos and benchmarks.
/// </summary>
public static class SyntheticEvents
{
    /// <summary>Raw events, one JSON object per item, customer by customer (shuffle them for realism).</summary>
    public static IEnumerable<string> Generate(SyntheticEventOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        var shapes = new RawEventShapes(random, options.QuirkyShapes);
        for (var c = 0; c < options.Customers; c++)
        {
            foreach (var line in Customer(c, options, random, shapes))
            {
                yield return line;
            }

            if (options.BadRate > 0 && random.NextDouble() < options.BadRate)
            {
                yield return shapes.Bad(c);
            }
        }
    }

    private static IEnumerable<string> Customer(int index, SyntheticEventOptions options, Random random, RawEventShapes shapes)
    {
        var id = shapes.CustomerId(index);
        var span = TimeSpan.FromDays(options.Days);
        var joined = options.StartTime + span * random.NextDouble() * 0.8;
        DateTimeOffset Later() => joined + (options.StartTime + span - joined) * random.NextDouble();

        // One customer in twelve shows only activity (its CUSTOMER event has not arrived).
        if (random.Next(12) != 0)
        {
            yield return shapes.Customer("NEW", id, joined, $"Name{index % 997}", $"City{index % 89}", "CA");
            if (random.Next(5) == 0)
            {
                yield return shapes.Customer("UPDATE", id, Later(), $"Renamed{index % 991}", $"City{index % 83}", "NY");
            }
        }

        // Skewed visit counts: geometric with a long tail.
        var visits = 1 + (int)Math.Min(60, -Math.Log(1 - random.NextDouble()) * 4);
        var order = 0;
        for (var v = 0; v < visits; v++)
        {
            // Now and then a visit comes before the customer registered (as in the challenge's own sample).
            var visitTime = random.Next(15) == 0 && joined > options.StartTime.AddDays(2) ? joined.AddHours(-random.Next(1, 48)) : Later();
            yield return shapes.Visit($"p{index}-{v}", id, visitTime);
            if (random.Next(4) == 0)
            {
                yield return shapes.Image($"i{index}-{v}", id, visitTime.AddMinutes(2));
            }

            if (random.Next(3) == 0)
            {
                var key = $"o{index}-{order++}";
                var amount = Math.Round((decimal)(5 + random.NextDouble() * 200), 2);
                var amended = random.Next(6) == 0;
                if (!amended || random.Next(4) != 0)
                {
                    yield return shapes.Order("NEW", key, id, visitTime.AddMinutes(5), amount);
                }

                if (amended)
                {
                    yield return shapes.Order("UPDATE", key, id, visitTime.AddDays(random.Next(0, 20)), Math.Round(amount * 0.8m, 2));
                }
            }
        }
    }

    internal static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
