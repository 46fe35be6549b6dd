using FsCheck;
using FsCheck.Fluent;

namespace Ltv.Domain.Tests.Reliability;

/// <summary>
/// Well-formed JSON objects made of event fields with hostile values: escapes PostgreSQL cannot store, ids past
/// the index size limit, amounts at and beyond decimal's range, the ends of the calendar, SQL, wrong kinds.
/// Valid types and verbs are frequent, so most objects get deep into validation.
/// </summary>
internal static class HostileJson
{
    private static readonly string LongId = new('x', 300);
    // A reason quotes at most 32 characters of an unknown type: here the 32nd is the first half of a pair.
    private static readonly string TypeCutInAPair = "\"" + new string('T', 31) + "\\ud83d\\ude00\"";
    private static readonly string LongEmojiId = string.Concat(Enumerable.Repeat("\\ud83d\\ude00", 70));

    private static readonly string[] Types = ["\"CUSTOMER\"", "\"SITE_VISIT\"", "\"IMAGE\"", "\"ORDER\"", "\"PAGE\\u0000\"", "\"\\ud800\"", "\"ORDER\"", TypeCutInAPair];
    private static readonly string[] Verbs = ["\"NEW\"", "\"UPDATE\"", "\"UPLOAD\"", "\"NEW\"", "\"N\\u0000\""];
    private static readonly string[] Names =
        ["key", "customer_id", "event_time", "total_amount", "last_name", "adr_city", "adr_state", "tags", "camera_make", "camera_model", "extra", "\\u0000", "\\udbff"];

    private static readonly string[] Values =
    [
        "\"c1\"", "\"42\"", "42", "-7", "\"2017-01-06T12:00:00Z\"", "\"2017-01-06 12:00:00+14:00\"", "\"0001-01-01T00:00:00Z\"",
        "\"9999-12-31T23:59:59.9999999Z\"", "\"0001-01-01T00:00:00+14:00\"", "\"12.34 USD\"", "\"0.00 USD\"", "\"1000000000000 USD\"",
        "\"1000000000000.01 USD\"", "\"79228162514264337593543950335 USD\"", "79228162514264337593543950335", "79228162514264337593543950336",
        "1e400", "1e-400", "-0", "0.0000000000000000000000000001", "\"3 EUR\"", "\"\"", "\" \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"",
        "\"\\udc00x\"", "\"\\ud83d\\ude00\"", "\"\\ud83d\"", $"\"{LongId}\"", $"\"{LongEmojiId}\"", "\"'); drop table events; --\"",
        "\"$$ \\\\ % _\"", "true", "false", "null", "{}", "[]", "[1, {\"a\": \"\\u0000\"}]", "{\"\\ud800\": 1}",
    ];

    private static Gen<string> Field { get; } =
        from name in Gen.Elements(Names)
        from value in Gen.Elements(Values)
        select $"\"{name}\": {value}";

    public static Gen<string> Object { get; } =
        from type in Gen.Elements(Types)
        from verb in Gen.Elements(Verbs)
        from fields in Gen.ListOf(Field)
        select "{" + string.Join(", ", new[] { $"\"type\": {type}", $"\"verb\": {verb}" }.Concat(fields)) + "}";

    /// <summary>Hostile objects as NDJSON, sometimes broken off at a random byte.</summary>
    public static Gen<string> Lines { get; } =
        from objects in Gen.ListOf(Object)
        from cut in Gen.Choose(0, 3)
        let text = string.Join("\n", objects)
        select cut == 0 && text.Length > 1 ? text[..(text.Length / 2)] : text;
}
