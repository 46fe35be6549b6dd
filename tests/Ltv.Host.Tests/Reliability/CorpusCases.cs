using R = Ltv.Domain.Validation.RejectionReasons;

namespace Ltv.Host.Tests.Reliability;

/// <summary>
/// The documented outcome of one corpus file. Every file in Corpus/ has one. The numbers were checked by hand
/// against the file's lines (each reason-*.ndjson file is one valid event, the bad records, one more valid event).
/// </summary>
/// <param name="Fatal">For input that ends the file early: a fragment of the one-line message; the exit code is 1.</param>
public sealed record CorpusCase(
    string File, long Read, long Accepted, long Duplicates, long Conflicting, IReadOnlyDictionary<string, long> Rejected, string? Fatal = null)
{
    public override string ToString() => File;
}

public static class CorpusCases
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Reliability", "Corpus");

    /// <summary>
    /// Corrupt deflate data decodes into garbage until the decompressor notices; how much depends on zlib. Only the
    /// message is pinned, and that no garbage was accepted (see the test).
    /// </summary>
    private const string NotJson = "not JSON: no JSON value could be read in it";

    public static CorpusCase Corrupt { get; } =
        new("corrupt-gzip.ndjson.gz", -1, -1, 0, 0, None, Fatal: "the gzip data is corrupt after byte");

    public static IReadOnlyList<CorpusCase> All { get; } =
    [
        // Every rejection reason: two valid events around the records rejected for it.
        Reason("not-an-object", R.NotAnObject, 3),
        Reason("duplicate-field", R.DuplicateField),
        Reason("missing-type", R.MissingType),
        Reason("invalid-type", R.InvalidType, 2),
        Reason("missing-verb", R.MissingVerb),
        Reason("invalid-verb", R.InvalidVerb),
        Reason("missing-key", R.MissingKey, 2),
        Reason("invalid-key", R.InvalidKey, 4), // 1.5, "", 257 bytes, 5,000 bytes (longer than an index entry)
        Reason("missing-customer-id", R.MissingCustomerId),
        Reason("invalid-customer-id", R.InvalidCustomerId, 2), // 1e3, 129 x "é" = 258 bytes
        Reason("missing-event-time", R.MissingEventTime),
        Reason("invalid-event-time", R.InvalidEventTime, 4), // no seconds, Feb 30, before year 1 in UTC, a number
        Reason("missing-total-amount", R.MissingTotalAmount),
        Reason("invalid-total-amount", R.InvalidTotalAmount, 2), // a comma, one cent above the largest amount
        Reason("negative-total-amount", R.NegativeTotalAmount),
        Reason("invalid-last-name", R.InvalidLastName),
        Reason("invalid-adr-city", R.InvalidCity),
        Reason("invalid-adr-state", R.InvalidState),
        Reason("invalid-camera-make", R.InvalidCameraMake),
        Reason("invalid-camera-model", R.InvalidCameraModel),
        Reason("unknown-type", new() { [R.UnknownType("PAGE_VIEW")] = 1, [R.UnknownTypePrefix + new string('T', 31) + "..."] = 1 }),
        Reason("unsupported-verb", new() { [R.UnsupportedVerb("UPLOAD", "ORDER")] = 1, [R.UnsupportedVerb("UPDATE", "SITE_VISIT")] = 1 }),
        Reason("unsupported-currency", R.UnsupportedCurrency("EUR")),
        Reason("unsupported-character", R.UnsupportedCharacter, 5), // \u0000 in a key, a name, tags; half pairs in a key, a field name
        Reason("invalid-json", R.InvalidJson, 2),

        // The same order three times: 10.00, then 10 (the same amount: a duplicate), then 11.00 (a conflicting one).
        new("reason-conflicting-duplicate.ndjson", Read: 3, Accepted: 1, Duplicates: 2, Conflicting: 1, Rejected: None),

        // Encodings and line ends.
        new("invalid-utf8.ndjson", 3, 2, 0, 0, One(R.InvalidJson)),
        new("invalid-utf8-in-array.json", 3, 2, 0, 0, One(R.InvalidJson)), // the object is skipped, the array goes on
        new("bom.json", 2, 2, 0, 0, None),
        new("bom-crlf.ndjson", 2, 2, 0, 0, None),
        new("crlf.ndjson", 4, 3, 0, 0, One(R.InvalidJson)),

        // Size and depth: a 10 MB line is accepted; past the 16 MB record limit, or 64 levels deep, it is rejected.
        new("ten-megabyte-line.ndjson.gz", 3, 3, 0, 0, None),
        new("seventeen-megabyte-line.ndjson.gz", 3, 2, 0, 0, One(R.InvalidJson)),
        new("deep-nesting.ndjson", 4, 3, 0, 0, One(R.InvalidJson)), // 20,000 levels rejected; 60 accepted

        // Numbers: beyond decimal's range (4 rejected); 1e-400 and 32 decimals round to 0; ids of 30 and 50 digits.
        new("numbers-beyond-decimal.ndjson", 9, 5, 0, 0, new Dictionary<string, long> { [R.InvalidTotalAmount] = 4 }),

        // Nothing, or nothing that is JSON: NDJSON lines, each rejected.
        new("empty.json", 0, 0, 0, 0, None),
        new("whitespace-only.ndjson", 0, 0, 0, 0, None),

        // A gzip file cut short ends where its data ends: the cut line is rejected (see docs/RELIABILITY.md).
        new("truncated-gzip.ndjson.gz", 972, 971, 0, 0, One(R.InvalidJson)),

        // Fatal: what came before is kept, the rest is one rejection, exit 1 with one line.
        // Not one JSON value in the file: an error (issue 17), though its lines are stored as rejections all the same.
        new("not-json.csv", 3, 0, 0, 0, new Dictionary<string, long> { [R.InvalidJson] = 3 }, Fatal: NotJson),
        new("not-json.png", 4, 0, 0, 0, new Dictionary<string, long> { [R.InvalidJson] = 4 }, Fatal: NotJson), // split where the bytes hold line feeds
        new("array-stops-mid-object.json", 2, 1, 0, 0, One(R.InvalidJson), Fatal: "invalid JSON at byte 176 (line 2)"),
        new("pretty-printed-broken.json", 2, 1, 0, 0, One(R.InvalidJson), Fatal: "invalid JSON at byte 187 (line 12)"),
        new("deep-nesting-in-array.json", 2, 1, 0, 0, One(R.InvalidJson), Fatal: "nested deeper than 64 levels"),
        new("seventeen-megabyte-record-in-array.json.gz", 2, 1, 0, 0, One(R.InvalidJson), Fatal: "larger than the limit of 16777216 bytes"),
        Corrupt,
    ];

    public static IEnumerable<object[]> Rejecting => All.Where(c => c.Fatal is null).Select(c => new object[] { c });

    public static IEnumerable<object[]> Fatal => All.Where(c => c.Fatal is not null).Select(c => new object[] { c });

    private static Dictionary<string, long> None => [];

    private static Dictionary<string, long> One(string reason) => new() { [reason] = 1 };

    private static CorpusCase Reason(string name, string reason, long count = 1) => Reason(name, new() { [reason] = count });

    private static CorpusCase Reason(string name, Dictionary<string, long> rejected) =>
        new($"reason-{name}.ndjson", 2 + rejected.Values.Sum(), 2, 0, 0, rejected);
}
