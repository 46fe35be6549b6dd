namespace Ltv.Domain.Clv;

/// <summary>
/// The calibration summary of every customer whose first purchase falls on or before the calibration end.
/// </summary>
/// <param name="Customers">One row per customer, ordered by customer id (ordinal).</param>
/// <param name="CalibrationEnd">The last day of the calibration period (its purchases count).</param>
/// <param name="Unit">The time unit of recency and T.</param>
public sealed record RfmSummary(IReadOnlyList<CustomerRfm> Customers, DateOnly CalibrationEnd, ClvTimeUnit Unit)
{
    public int Repeaters => Customers.Count(c => c.IsRepeater);

    /// <summary>
    /// Summarises purchase facts. A calibration end of 1997-09-30 includes that day's purchases and gives a customer
    /// first seen on 1997-01-01 T = 272 days = 38.86 weeks, as the published CDNOW summary has it.
    /// </summary>
    public static RfmSummary From(IEnumerable<PurchaseFact> facts, DateOnly calibrationEnd, ClvTimeUnit unit)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var customers = PurchaseDays.ByCustomer(facts, last: calibrationEnd)
            .Select(c => Summarise(c.Key, c.Value, calibrationEnd, unit))
            .ToList();
        return new RfmSummary(customers, calibrationEnd, unit);
    }

    private static CustomerRfm Summarise(string customerId, SortedDictionary<DateOnly, decimal> days, DateOnly end, ClvTimeUnit unit)
    {
        var first = days.Keys.First();
        var last = days.Keys.Last();
        var repeats = days.Count - 1;
        var monetary = repeats == 0 ? 0m : days.Skip(1).Sum(d => d.Value) / repeats;
        return new CustomerRfm(
            customerId,
            repeats,
            ClvTimeUnits.FromDays(last.DayNumber - first.DayNumber, unit),
            ClvTimeUnits.FromDays(end.DayNumber - first.DayNumber, unit),
            monetary,
            first);
    }
}
