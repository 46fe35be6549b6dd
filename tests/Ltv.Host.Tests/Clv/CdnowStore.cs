using Ltv.Host.Cdnow;
using Ltv.Testing;

namespace Ltv.Host.Tests.Clv;

/// <summary>A test database holding the CDNOW sample, converted and ingested once for a test class.</summary>
public sealed class CdnowStore : IAsyncLifetime
{
    public LtvTestApp App { get; } = new();

    public Host.Ingestion.IngestSummary? Ingested { get; private set; }

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        var events = CdnowPublished.TempFile("ndjson");
        try
        {
            await CdnowConverter.ConvertFileAsync(CdnowPublished.Sample, events, default);
            Ingested = await App.IngestFileAsync(events);
        }
        finally
        {
            File.Delete(events);
        }
    }

    public Task DisposeAsync() => App.DisposeAsync();
}
