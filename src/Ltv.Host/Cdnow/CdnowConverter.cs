using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ltv.Host.Cdnow;

/// <summary>A CDNOW file that is not what it should be, with the line and what is wrong there.</summary>
public sealed class CdnowFormatException(string message, Exception inner) : Exception(message, inner);

/// <summary>What a conversion wrote.</summary>
public sealed record CdnowConversion(int Customers, int Orders);

/// <summary>
/// Turns CDNOW purchase records into our raw events (NDJSON), so the published results can be reproduced through
/// the ordinary ingest: per customer a CUSTOMER NEW at the first purchase, then an ORDER NEW per record at 00:00 UTC
/// of its day, with "N USD" as amount and the key "{customer}-{yyyymmdd}-{n}" (n counts that customer's records of
/// that day in file order), so converting the same file again gives the same events and ingesting them twice
/// changes nothing.
/// </summary>
public static class CdnowConverter
{
    public static async Task<CdnowConversion> ConvertAsync(TextReader input, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var customers = new Dictionary<string, List<CdnowRecord>>(StringComparer.Ordinal);
        var order = new List<string>();
        var lineNumber = 0;
        while (await input.ReadLineAsync(ct) is { } line)
        {
            lineNumber++;
            CdnowRecord? record;
            try
            {
                record = CdnowRecord.Parse(line);
            }
            catch (FormatException e)
            {
                throw new CdnowFormatException($"line {lineNumber}: {e.Message}", e);
            }

            if (record is null)
            {
                continue;
            }

            if (!customers.TryGetValue(record.CustomerId, out var records))
            {
                records = [];
                customers.Add(record.CustomerId, records);
                order.Add(record.CustomerId);
            }

            records.Add(record);
        }

        var orders = 0;
        foreach (var id in order)
        {
            var records = customers[id];
            var first = records.Min(r => r.Day);
            await output.WriteLineAsync(Customer(id, records[0].MasterId, first));
            foreach (var (record, n) in Numbered(records))
            {
                await output.WriteLineAsync(Order(record, n));
                orders++;
            }
        }

        return new CdnowConversion(order.Count, orders);
    }

    private static IEnumerable<(CdnowRecord Record, int N)> Numbered(List<CdnowRecord> records)
    {
        var perDay = new Dictionary<DateOnly, int>();
        foreach (var record in records)
        {
            var n = perDay.GetValueOrDefault(record.Day) + 1;
            perDay[record.Day] = n;
            yield return (record, n);
        }
    }

    private static string Customer(string id, string? masterId, DateOnly first)
    {
        var master = masterId is null ? "" : $", \"cdnow_master_id\": {Text(masterId)}";
        return $$"""{"type": "CUSTOMER", "verb": "NEW", "key": {{Text(id)}}, "event_time": "{{Time(first)}}"{{master}}}""";
    }

    private static string Order(CdnowRecord r, int n)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{r.CustomerId}-{r.Day:yyyyMMdd}-{n}");
        var amount = r.Dollars.ToString("0.00##", CultureInfo.InvariantCulture);
        return $$"""{"type": "ORDER", "verb": "NEW", "key": {{Text(key)}}, "event_time": "{{Time(r.Day)}}", "customer_id": {{Text(r.CustomerId)}}, "total_amount": "{{amount}} USD", "cd_count": {{r.Cds.ToString(CultureInfo.InvariantCulture)}}}""";
    }

    private static string Time(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    private static string Text(string value) => JsonSerializer.Serialize(value);

    /// <summary>Converts a file into another (UTF-8 NDJSON).</summary>
    public static async Task<CdnowConversion> ConvertFileAsync(string inputPath, string outputPath, CancellationToken ct)
    {
        using var input = new StreamReader(inputPath);
        try
        {
            await using var output = new StreamWriter(outputPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            output.NewLine = "\n";
            return await ConvertAsync(input, output, ct);
        }
        catch (CdnowFormatException)
        {
            // Never leave a half-written file that could be ingested by mistake.
            File.Delete(outputPath);
            throw;
        }
    }
}
