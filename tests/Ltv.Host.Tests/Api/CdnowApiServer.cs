using Ltv.Host.Cdnow;
using Ltv.Host.Tests.Clv;
using Ltv.Host.Tests.Cli;

namespace Ltv.Host.Tests.Api;

/// <summary>The CDNOW sample posted to the API and ingested by the CLI into the same store, once for a test class.</summary>
public sealed class CdnowApiServer : IAsyncLifetime
{
    private ApiServer? _server;

    public ApiServer Server => _server ?? throw new InvalidOperationException("The fixture is used before xunit initialised it.");

    public LtvProcess Cli { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await ApiServer.StartAsync();
        var events = CdnowPublished.TempFile("ndjson");
        try
        {
            await CdnowConverter.ConvertFileAsync(CdnowPublished.Sample, events, default);
            await Server.Client.PostJsonAsync("/api/events", ApiServer.Body(await File.ReadAllBytesAsync(events), "application/x-ndjson"));
            Cli = new LtvProcess(Server.Store.Database.ConnectionString);
            (await Cli.RunAsync("ingest", events)).ExitCode.ShouldBe(0);
        }
        finally
        {
            File.Delete(events);
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
