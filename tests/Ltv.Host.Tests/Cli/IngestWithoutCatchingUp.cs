using Ltv.Domain.Lifetime;
using Ltv.Projections;
using Ltv.Host.Composition;
using Ltv.Host.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace Ltv.Host.Tests.Cli;

/// <summary>
/// Ingests a file into a schema in-process and leaves the async read models behind (as `ltv serve` or a second
/// process would), where `ltv ingest` would catch them up: tests that check the daemon or `ltv project` need
/// the lag that only those can clear.
/// </summary>
public static class IngestWithoutCatchingUp
{
    public static async Task RunAsync(string connectionString, string schema, string file)
    {
        using var host = await LtvStartup.StartAsync(connectionString, new LtvOptions(SchemaName.From(schema), LtvSettings.Default), default);
        await using var content = File.OpenRead(file);
        var summary = await host.Services.GetRequiredService<IngestPipeline>().RunAsync([new IngestSource(file, content, content.Length)], progress: null, default);
        summary.Completed.ShouldBeTrue();
    }
}
