namespace Ltv.Projections.Tests.Marten;

/// <summary>Raw input lines as a user sends them, for hand-computed cases.</summary>
public static class RawLines
{
    public static string Order(string customer, string verb, string key, string time, string amount) =>
        $$"""{"type": "ORDER", "verb": "{{verb}}", "key": "{{key}}", "event_time": "{{time}}", "customer_id": "{{customer}}", "total_amount": "{{amount}} USD"}""";
}
