using Ltv.Host.Composition;
using Ltv.Host.LocalPostgres;
using Ltv.Projections.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine;

namespace Ltv.Host.Cli;

/// <summary>
/// What one CLI invocation works with: the resolved connection, the product started as <see cref="LtvStartup"/> puts
/// it together, its message bus, and a schema that is known to be up to date.
/// </summary>
public sealed class LtvApp : IAsyncDisposable
{
    private readonly IHost _host;

    private LtvApp(IHost host, ResolvedConnection connection)
    {
        _host = host;
        Connection = connection;
        Bus = host.MessageBus();
        Options = host.Services.GetRequiredService<LtvOptions>();
        ReadModels = host.Services.GetRequiredService<ReadModelCatalog>();
    }

    public ResolvedConnection Connection { get; }

    /// <summary>Where the commands send their messages, as the HTTP endpoints do.</summary>
    public IMessageBus Bus { get; }

    public LtvOptions Options { get; }

    /// <summary>
    /// The async read models, which a CLI command brings up to date itself (<c>ltv project</c>, and after an ingest or
    /// a retry): no daemon runs in a CLI process.
    /// </summary>
    public ReadModelCatalog ReadModels { get; }

    public static async Task<LtvApp> OpenAsync(string? connectionOption, CancellationToken ct)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .Build();
        var connection = await new ConnectionResolver().ResolveAsync(connectionOption, configuration.GetConnectionString("Ltv"), ct);
        var options = LtvOptions.FromEnvironment(Environment.GetEnvironmentVariable);
        var host = await LtvStartup.StartAsync(connection.ConnectionString, options, ct);
        return new LtvApp(host, connection);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
