using System.CommandLine;
using Ltv.Host.Api;
using Ltv.Host.Composition;
using Ltv.Host.LocalPostgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Ltv.Host.Cli.Commands;

/// <summary><c>ltv serve [--urls URL]</c>: the HTTP API with the projection daemon inside, until stopped (Ctrl+C or SIGTERM).</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string[]>("--urls")
        {
            Description = "Where to listen, for example http://0.0.0.0:8080 (several allowed). Default: ASPNETCORE_URLS, else http://localhost:5000.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("serve", "Run the HTTP API (ingest, queries, projections) with the projection daemon inside.") { urls };
        command.SetAction(async (parse, ct) =>
        {
            // The same sources as every command: appsettings.json beside the executable, then the environment.
            var configuration = new ConfigurationBuilder()
                .SetBasePath(AppContext.BaseDirectory)
                .AddJsonFile("appsettings.json", optional: true)
                .AddEnvironmentVariables()
                .Build();
            var connection = await new ConnectionResolver().ResolveAsync(parse.GetValue(CommonOptions.Connection), configuration.GetConnectionString("Ltv"), ct);
            var options = new ApiHostOptions(
                connection.ConnectionString,
                LtvOptions.FromEnvironment(Environment.GetEnvironmentVariable),
                ApiSettings.From(configuration, Environment.GetEnvironmentVariable),
                parse.GetValue(urls) ?? []);
            await using var app = await ApiHost.CreateAsync(options, ct);
            await Console.Error.WriteLineAsync(
                $"ltv serve: database {connection.Description}; API key {(options.Api.ApiKey is null ? "not set: writes are open" : "required for writes")}.");
            await app.RunAsync(ct);
            return 0;
        });
        return command;
    }
}
