using System.CommandLine;
using Ltv.Host.Cli;
using Ltv.Host.Cli.Output;
using Ltv.Host.LocalPostgres;
using Ltv.Projections.Store;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Ltv.Host.Benchmark;

/// <summary>
/// <c>ltv bench</c>: ingest, re-ingest, catch-up, rebuild and top-10 figures against the physical limit of the
/// server (binary COPY), measured in one run on a database of the benchmark's own.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var customers = new Option<int>("--customers")
        {
            Description = "Customers in the generated input; events scale with it (about 8.4 per customer).",
            DefaultValueFactory = _ => BenchSettings.DefaultCustomers,
            CustomParser = r => CliValues.WholeNumber(r, "--customers", 4, int.MaxValue),
        };
        var repetitions = new Option<int>("--repetitions")
        {
            Description = "How many times each timed phase runs; figures are medians.",
            DefaultValueFactory = _ => 3,
            CustomParser = r => CliValues.WholeNumber(r, "--repetitions", 1, int.MaxValue),
        };
        var format = CommonOptions.Format(OutputFormat.Table, OutputFormat.Json);
        var command = new Command("bench", "Measure ingest, rebuild and top-10 speed against binary COPY, on a temporary database.")
        {
            customers, repetitions, format,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new BenchSettings(parse.GetValue(customers), parse.GetValue(repetitions));
            var connection = await ResolveAsync(parse.GetValue(CommonOptions.Connection), ct);
            var server = $"PostgreSQL {await ServerVersionAsync(connection.ConnectionString, ct)}, {connection.Description}";
            var report = await new BenchRunner(settings, line => Console.Error.WriteLine($"ltv bench: {line}"))
                .RunAsync(connection.ConnectionString, server, ct);
            await using var output = OutputTarget.Open(null);
            await BenchReportOutput.WriteAsync(report, parse.GetValue(format), output);
            return 0;
        });
        return command;
    }

    // The same resolution as every other command, without opening the product's schema: the user's database is
    // only used to create (and drop) the benchmark's own.
    private static Task<ResolvedConnection> ResolveAsync(string? option, CancellationToken ct)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .Build();
        return new ConnectionResolver().ResolveAsync(option, configuration.GetConnectionString("Ltv"), ct);
    }

    private static Task<string> ServerVersionAsync(string connectionString, CancellationToken ct) =>
        DatabaseUnavailable.Translate(async () =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            return connection.PostgreSqlVersion.ToString();
        });
}
