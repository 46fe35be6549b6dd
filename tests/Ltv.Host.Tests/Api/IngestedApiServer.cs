using Ltv.Host.Api;
using Ltv.Host.Tests.Cli;
using Ltv.Testing;

namespace Ltv.Host.Tests.Api;

/// <summary>
/// input/events.json posted to the API and ingested by the CLI (into a schema of its own in the same database), both
/// caught up: for comparing every answer of the two on the same data.
/// </summary>
public sealed class IngestedApiServer : IAsyncLifetime
{
    private ApiServer? _server;

    public static string File => FixturePaths.InRepository("input", "events.json");

    public ApiServer Server => _server ?? throw new InvalidOperationException("The fixture is used before xunit initialised it.");

    public LtvProcess Cli { get; private set; } = null!;

    public System.Text.Json.JsonElement Summary { get; private set; }

    public async Task InitializeAsync()
    {
        _server = await ApiServer.StartAsync();
        Summary = await Server.Client.PostJsonAsync("/api/events", ApiServer.Body(await System.IO.File.ReadAllBytesAsync(File), EventsBody.Json));
        Cli = new LtvProcess(Server.Store.Database.ConnectionString);
        (await Cli.RunAsync("ingest", File)).ExitCode.ShouldBe(0);
        await Server.Store.CatchUpAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
