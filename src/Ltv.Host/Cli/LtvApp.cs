using Ltv.Host.Composition;
using Ltv.Host.LocalPostgres;
using Ltv.Projections.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ltv.Host.Cli;

/// <summary>
/// What one CLI invocation works with: the resolved connection, the services, and a schema that is
/// known to be up to date.
/// </summary>
public sealed class LtvApp : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private LtvApp(ServiceProvider services, ResolvedConnection connection)
    {
        _services = services;
        Connection = connection;
    }

    public ResolvedConnection Connection { get; }

    public LtvOptions Options => Get<LtvOptions>();

    public static async Task<LtvApp> OpenAsync(string? connectionOption, CancellationToken ct)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .Build();
        var connection = await new ConnectionResolver().ResolveAsync(connectionOption, configuration.GetConnectionString("Ltv"), ct);
        var options = LtvOptions.FromEnvironment(Environment.GetEnvironmentVariable);
        var services = new ServiceCollection()
            .AddLtvStore(connection.ConnectionString, options)
            .AddLtvIngestion()
            .AddLtvQueries()
            .BuildServiceProvider();
        try
        {
            await services.GetRequiredService<ReadModelCatalog>().EnsureAsync();
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }

        return new LtvApp(services, connection);
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
