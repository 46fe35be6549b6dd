using System.Globalization;
using System.Text.Json;

namespace Ltv.Domain.Tests.Reliability;

/// <summary>
/// One valid raw event, written as JSON in one of several shapes that all mean the same event: the time in
/// another accepted format or offset, the amount as a number or a string with trailing zeros, the fields in
/// another order. A copy in another shape is still a duplicate, and must change nothing.
/// </summary>
internal sealed record EventSpec(string Type, string Verb, string Customer, string Key, DateTimeOffset Time, decimal Amount, string? LastName)
{
    public const int Shapes = 4;

    /// <summary>What makes two specs the same event (DESIGN.md "Identity and duplicates").</summary>
    public (string Customer, string Type, string Verb, string Key, DateTimeOffset Time) Identity =>
        (Customer, Type, Verb, Type == "CUSTOMER" ? Customer : Key, Time);

    public string ToJson(int shape)
    {
        var fields = new List<KeyValuePair<string, object?>>
        {
            new("type", Type),
            new("verb", Verb),
            new("key", Type == "CUSTOMER" ? Customer : Key),
            new("event_time", TimeText(shape)),
        };
        switch (Type)
        {
            case "CUSTOMER":
                fields.Add(new("last_name", LastName));
                fields.Add(new("adr_city", "Middletown"));
                break;
            case "SITE_VISIT":
                fields.Add(new("customer_id", Customer));
                fields.Add(new("tags", new[] { "a", "b" }));
                break;
            case "IMAGE":
                fields.Add(new("customer_id", Customer));
                fields.Add(new("camera_make", "Canon"));
                break;
            default:
                fields.Add(new("customer_id", Customer));
                fields.Add(new("total_amount", AmountValue(shape)));
                break;
        }

        if (shape % 2 == 1)
        {
            fields.Reverse();
        }

        return JsonSerializer.Serialize(fields.ToDictionary(f => f.Key, f => f.Value));
    }

    // Four spellings of the same instant: UTC with Z, no zone (UTC), the challenge's colon form, an offset.
    private string TimeText(int shape) => shape switch
    {
        0 => Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        1 => Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        2 => Time.UtcDateTime.ToString("yyyy-MM-dd:HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        _ => Time.ToOffset(TimeSpan.FromHours(-7)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
    };

    private object AmountValue(int shape) => shape switch
    {
        0 => FormattableString.Invariant($"{Amount} USD"),
        1 => Amount,
        2 => FormattableString.Invariant($"{Amount:0.000} USD"),
        _ => FormattableString.Invariant($"{Amount}"),
    };
}
