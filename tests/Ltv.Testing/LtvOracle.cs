using System.Text.Json;
using Ltv.Domain.Customers;
using Ltv.Domain.Events;
using Ltv.Domain.Lifetime;
using Ltv.Domain.Validation;

namespace Ltv.Testing;

/// <summary>
/// The LTV rule computed straight from raw lines by the pure domain code, with no database: what every
/// database answer is held to. Duplicates are dropped by identity, as the store drops them.
/// </summary>
public static class LtvOracle
{
    public static IReadOnlyList<CustomerEvent> AcceptedEvents(IEnumerable<string> lines)
    {
        var seen = new HashSet<(string, string)>();
        var events = new List<CustomerEvent>();
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            if (EventValidator.Validate(document.RootElement) is ValidationResult.Accepted(var e)
                && seen.Add((e.CustomerId.Value, e.Identity.DedupeKey)))
            {
                events.Add(e);
            }
        }

        return events;
    }

    public static IReadOnlyList<CustomerLifetime> Customers(IEnumerable<string> lines) =>
        [.. AcceptedEvents(lines).GroupBy(e => e.CustomerId).Select(g => CustomerLifetime.From(g.Key, g))];

    public static IReadOnlyList<LtvResult> Top(IEnumerable<string> lines, LtvSettings settings, int x) =>
        LtvRanking.Top(Customers(lines), settings, x);

    public static CustomerLifetime? Customer(IEnumerable<string> lines, CustomerId id) =>
        Customers(lines).SingleOrDefault(c => c.CustomerId == id);
}
