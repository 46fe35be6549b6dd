using System.Globalization;
using System.Text.Json;

namespace Ltv.Host.Generation;

/// <summary>Writes raw events in the shapes real inputs use: what the validator must accept, and some it must not.</summary>
internal sealed class RawEventShapes(Random random, bool quirky)
{
    public string CustomerId(int index) => quirky && index % 10 == 3 ? (100_000 + index).ToString(CultureInfo.InvariantCulture) : $"c{index:D7}";

    public string Customer(string verb, string id, DateTimeOffset time, string lastName, string city, string state) =>
        $$"""{"type": "CUSTOMER", "verb": "{{verb}}", "key": {{Id(id)}}, "event_time": "{{Time(time)}}", "last_name": {{Text(lastName)}}, "adr_city": {{Text(city)}}, "adr_state": {{Text(state)}}}""";

    public string Visit(string key, string customer, DateTimeOffset time) =>
        $$"""{"type": "SITE_VISIT", "verb": "NEW", "key": {{Text(key)}}, "event_time": "{{Time(time)}}", "customer_id": {{Id(customer)}}, "tags": [{"some key": "some value"}]}""";

    public string Image(string key, string customer, DateTimeOffset time) =>
        $$"""{"type": "IMAGE", "verb": "UPLOAD", "key": {{Text(key)}}, "event_time": "{{Time(time)}}", "customer_id": {{Id(customer)}}, "camera_make": "Canon", "camera_model": "EOS 80D"}""";

    public string Order(string verb, string key, string customer, DateTimeOffset time, decimal amount) =>
        $$"""{"type": "ORDER", "verb": "{{verb}}", "key": {{Text(key)}}, "event_time": "{{Time(time)}}", "customer_id": {{Id(customer)}}, "total_amount": {{Amount(amount)}}}""";

    /// <summary>A record that breaks one rule, for rejection paths.</summary>
    public string Bad(int index) => (index % 4) switch
    {
        0 => $$"""{"type": "ORDER", "verb": "UPLOAD", "key": "bad{{index}}", "event_time": "2017-01-06T12:55:55Z", "customer_id": "c{{index}}", "total_amount": "1.00 USD"}""",
        1 => $$"""{"type": "SITE_VISIT", "verb": "NEW", "key": "bad{{index}}", "event_time": "2017-01-06:12:46.384Z", "customer_id": "c{{index}}"}""",
        2 => $$"""{"type": "ORDER", "verb": "NEW", "key": "bad{{index}}", "event_time": "2017-01-06T12:55:55Z", "customer_id": "c{{index}}", "total_amount": "3.00 EUR"}""",
        _ => $$"""{"type": "IMAGE", "verb": "UPLOAD", "key": "bad{{index}}", "event_time": "2017-01-06T12:55:55Z"}""",
    };

    private string Id(string id) => quirky && id.All(char.IsAsciiDigit) ? id : Text(id);

    private static string Text(string value) => JsonSerializer.Serialize(value);

    private string Amount(decimal amount) => quirky && random.Next(5) == 0
        ? SyntheticEvents.Invariant(amount)
        : $"\"{SyntheticEvents.Invariant(amount)} USD\"";

    private string Time(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        if (!quirky)
        {
            return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }

        return random.Next(5) switch
        {
            0 => utc.ToString("yyyy-MM-dd' 'HH:mm:ss", CultureInfo.InvariantCulture),
            1 => utc.ToString("yyyy-MM-dd':'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            2 => time.ToOffset(TimeSpan.FromHours(-7)).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture),
            _ => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        };
    }
}
