namespace Ltv.Domain.Clv;

/// <summary>
/// One customer's calibration-period summary, as the lifetimes and PyMC-Marketing packages define it.
/// </summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Frequency">Repeat transactions: distinct purchase days up to the calibration end, minus 1.</param>
/// <param name="Recency">From the first to the last purchase day, in the summary's time unit (0 without repeats).</param>
/// <param name="T">From the first purchase day to the calibration end, in the summary's time unit.</param>
/// <param name="MonetaryValue">Mean USD total of the repeat purchase days (the first day excluded); 0 without repeats.</param>
/// <param name="FirstPurchase">The first purchase day (UTC).</param>
public sealed record CustomerRfm(string CustomerId, int Frequency, double Recency, double T, decimal MonetaryValue, DateOnly FirstPurchase)
{
    public bool IsRepeater => Frequency > 0;
}
