using System.Text.Json;
using Ltv.Domain.Events;
using Ltv.Domain.Input;
using Ltv.Domain.Validation;

namespace Ltv.Host.Ingestion;

/// <summary>Turns one raw record into an event to append, or a rejection saying why not.</summary>
internal static class RecordClassifier
{
    public static void Classify(RawRecord record, string source, long runId, IRecordSink batch)
    {
        var origin = new Rejection(source, record.Index, record.ByteOffset, Reason: "", Detail: null, record.Utf8);
        switch (record.Kind)
        {
            case RawRecordKind.Object:
                ClassifyObject(record, runId, origin, batch);
                break;
            case RawRecordKind.NotAnObject:
                batch.Reject(origin with { Reason = RejectionReasons.NotAnObject });
                break;
            default:
                batch.Reject(origin with { Reason = RejectionReasons.InvalidJson, Detail = record.Problem });
                break;
        }
    }

    private static void ClassifyObject(RawRecord record, long runId, Rejection origin, IRecordSink batch)
    {
        ValidationResult result;
        try
        {
            using var document = JsonDocument.Parse(record.Utf8);
            result = EventValidator.Validate(document.RootElement);
        }
        catch (JsonException e)
        {
            batch.Reject(origin with { Reason = RejectionReasons.InvalidJson, Detail = e.Message });
            return;
        }

        switch (result)
        {
            case ValidationResult.Accepted(var e):
                batch.Accept(e, origin with { Reason = RejectionReasons.ConflictingDuplicate });
                break;
            case ValidationResult.Rejected(var reason):
                batch.Reject(origin with { Reason = reason });
                break;
        }
    }
}
