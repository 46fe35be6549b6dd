using System.Text;
using System.Text.Json;
using Ltv.Domain.Customers;
using Ltv.Domain.Events;
using Ltv.Domain.Input;
using Ltv.Domain.Lifetime;
using Ltv.Domain.Validation;

namespace Ltv.Domain.Tests.Reliability;

/// <summary>
/// The ingest pipeline with the database taken out: the streaming reader, the validator, and de-duplication by
/// identity (stream, dedupe key) as the event store does it, first copy wins. Everything a run counts.
/// </summary>
internal sealed record PipelineOutcome(
    long Records,
    IReadOnlyList<CustomerEvent> Accepted,
    long Duplicates,
    IReadOnlyList<string> Reasons)
{
    public long Rejected => Reasons.Count;

    public IReadOnlyDictionary<CustomerId, CustomerLifetime> Customers =>
        Accepted.GroupBy(e => e.CustomerId).ToDictionary(g => g.Key, g => CustomerLifetime.From(g.Key, g));

    public IReadOnlyList<LtvResult> Top(LtvSettings settings, int x) => LtvRanking.Top(Customers.Values, settings, x);
}

internal static class DomainPipeline
{
    public static PipelineOutcome Run(IEnumerable<string> ndjsonLines) =>
        Run(Encoding.UTF8.GetBytes(string.Concat(ndjsonLines.Select(l => l + "\n"))));

    public static PipelineOutcome Run(byte[] input)
    {
        long records = 0;
        long duplicates = 0;
        var accepted = new List<CustomerEvent>();
        var reasons = new List<string>();
        var seen = new HashSet<(CustomerId, string)>();
        using var stream = new MemoryStream(input, writable: false);
        foreach (RawRecord record in RawEventReader.ReadAsync(stream).ToBlockingEnumerable())
        {
            records++;
            switch (Classify(record))
            {
                case ValidationResult.Accepted(var e) when seen.Add((e.CustomerId, e.Identity.DedupeKey)):
                    accepted.Add(e);
                    break;
                case ValidationResult.Accepted:
                    duplicates++;
                    break;
                case ValidationResult.Rejected(var reason):
                    reasons.Add(reason);
                    break;
            }
        }

        return new PipelineOutcome(records, accepted, duplicates, reasons);
    }

    // As the ingest's RecordClassifier does it: only objects go to the validator.
    private static ValidationResult Classify(RawRecord record)
    {
        switch (record.Kind)
        {
            case RawRecordKind.Object:
                using (var document = JsonDocument.Parse(record.Utf8))
                {
                    return EventValidator.Validate(document.RootElement);
                }

            case RawRecordKind.NotAnObject:
                return new ValidationResult.Rejected(RejectionReasons.NotAnObject);
            default:
                return new ValidationResult.Rejected(RejectionReasons.InvalidJson);
        }
    }
}
