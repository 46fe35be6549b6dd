using Ltv.Host.Composition;
using Ltv.Host.LocalPostgres;
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
    }

    public ResolvedConnection Connection { get; }

    /// <summary>Where the commands send their messages, as the HTTP endpoints do.</summary>
    public IMessageBus Bus { get; }

    public LtvOptions Options => Get<LtvOptions>();

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

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
