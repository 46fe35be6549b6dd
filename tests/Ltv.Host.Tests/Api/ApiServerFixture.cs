namespace Ltv.Host.Tests.Api;

/// <summary>One API server (with the test key) for a test class whose tests do not depend on what the others stored.</summary>
public sealed class ApiServerFixture : IAsyncLifetime
{
    private ApiServer? _server;

    public ApiServer Server => _server ?? throw new InvalidOperationException("The fixture is used before xunit initialised it.");

    public async Task InitializeAsync() => _server = await ApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
