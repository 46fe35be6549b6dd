using System.Globalization;

namespace Ltv.Host.Cdnow;

/// <summary>
/// One purchase record of the CDNOW data sets: whitespace-separated columns. The sample (CDNOW_sample.txt) has five:
/// master id, sample id, date (yyyymmdd), number of CDs, dollar value; the master file (CDNOW_master.txt) four: id,
/// date, CDs, dollars. The customer is the sample id in the first, the id in the second.
/// </summary>
public sealed record CdnowRecord(string CustomerId, string? MasterId, DateOnly Day, int Cds, decimal Dollars)
{
    /// <summary>Null for a blank line; a <see cref="FormatException"/> saying what is wrong for a malformed one.</summary>
    public static CdnowRecord? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return fields.Length switch
        {
            0 => null,
            4 => Build(fields[0], null, fields[1], fields[2], fields[3]),
            5 => Build(fields[1], fields[0], fields[2], fields[3], fields[4]),
            _ => throw new FormatException($"expected 4 or 5 columns (CDNOW master or sample), found {fields.Length}"),
        };
    }

    private static CdnowRecord Build(string id, string? master, string date, string cds, string dollars)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new FormatException($"customer id '{id}' is not a number");
        }

        if (!DateOnly.TryParseExact(date, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new FormatException($"date '{date}' is not yyyymmdd");
        }

        if (!int.TryParse(cds, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new FormatException($"CD count '{cds}' is not a whole number");
        }

        if (!decimal.TryParse(dollars, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            throw new FormatException($"dollar value '{dollars}' is not a non-negative number");
        }

        // Leading zeros dropped, so that customer "0001" is "1", as the published summaries name it.
        return new CdnowRecord(number.ToString(CultureInfo.InvariantCulture), master, day, count, amount);
    }
}
