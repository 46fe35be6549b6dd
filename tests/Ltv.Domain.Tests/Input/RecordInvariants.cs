using System.Text.Json;
using Ltv.Domain.Input;

namespace Ltv.Domain.Tests.Input;

/// <summary>What must hold for any input, however broken: the properties the ingest relies on.</summary>
internal static class RecordInvariants
{
    public static void ShouldHoldFor(this IReadOnlyList<RawRecord> records, byte[] plainInput)
    {
        for (int i = 0; i < records.Count; i++)
        {
            RawRecord record = records[i];
            record.Index.ShouldBe(i);
            if (i > 0)
            {
                record.ByteOffset.ShouldBeGreaterThanOrEqualTo(records[i - 1].ByteOffset + records[i - 1].Utf8.Length);
            }

            // Nothing is invented: every record is the input's own bytes at its offset.
            record.ByteOffset.ShouldBeLessThanOrEqualTo(plainInput.Length - record.Utf8.Length);
            plainInput.AsSpan((int)record.ByteOffset, record.Utf8.Length).SequenceEqual(record.Utf8).ShouldBeTrue(record.Describe());

            (record.Problem is null).ShouldBe(record.Kind == RawRecordKind.Object, record.Describe());
            if (record.Kind == RawRecordKind.Fatal)
            {
                i.ShouldBe(records.Count - 1, "a fatal record is the last one");
            }

            if (record.Kind is RawRecordKind.Object or RawRecordKind.NotAnObject)
            {
                using JsonDocument document = JsonDocument.Parse(record.Utf8);
                (document.RootElement.ValueKind == JsonValueKind.Object).ShouldBe(record.Kind == RawRecordKind.Object);
            }
        }
    }
}
