using Ltv.Domain.Events;
using Ltv.Projections.Store;
using Marten;

namespace Ltv.Projections.Tests.Marten;

/// <summary>How the Marten tests write a log as overlapping ingests would: shuffled, in uneven batches, each sent twice.</summary>
public static class ShuffledAppends
{
    public static async Task AppendAsync(IDocumentStore store, IEnumerable<CustomerEvent> events)
    {
        var shuffled = events.OrderBy(_ => Random.Shared.Next()).ToList();
        var appender = new EventLogAppender(store);
        for (int start = 0, size = 97; start < shuffled.Count; start += size, size = (size * 3 % 701) + 50)
        {
            var batch = shuffled.Skip(start).Take(size).ToList();
            await appender.AppendAsync(batch, alongside: null, CancellationToken.None);
            await appender.AppendAsync(batch, alongside: null, CancellationToken.None);
        }
    }
}
