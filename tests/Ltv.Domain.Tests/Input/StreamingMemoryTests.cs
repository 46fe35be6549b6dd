using Ltv.Domain.Input;

namespace Ltv.Domain.Tests.Input;

[CollectionDefinition(nameof(StreamingMemoryTests), DisableParallelization = true)]
public sealed class StreamingMemoryCollection;

// Alone in its collection: the heap size it samples must not include other tests' data.
[Collection(nameof(StreamingMemoryTests))]
public sealed class StreamingMemoryTests
{
    private const string Event =
        """{"type": "ORDER", "verb": "NEW", "key": "68d84e5d1a43", "event_time": "2017-01-06T12:55:55.555Z", "customer_id": "96f55c7d8f42", "total_amount": "12.34 USD"}""";

    [Fact]
    public async Task a_200_mb_array_streams_element_by_element_in_bounded_memory()
    {
        byte[] element = Records.Utf8(Event);
        long repeats = (200L * 1024 * 1024) / (element.Length + 2);
        var input = new RepeatingStream([(byte)'['], [.. element, (byte)',', (byte)'\n'], repeats, [.. element, (byte)']']);
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long largestHeap = 0;
        long count = 0;

        await foreach (RawRecord record in RawEventReader.ReadAsync(input))
        {
            if (record.Kind != RawRecordKind.Object || record.Utf8.Length != element.Length)
            {
                throw new ShouldAssertException($"Unexpected record {record.Describe()}");
            }

            if (++count % 250_000 == 0)
            {
                largestHeap = Math.Max(largestHeap, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        count.ShouldBe(repeats + 1);
        largestHeap.ShouldBeLessThan(16L * 1024 * 1024);
    }
}
