using Ltv.Host.Tests.Cli;

namespace Ltv.Host.Tests.Reliability;

/// <summary>
/// Writers that overlap in time and in content: four ingests at once on files that share every line with another,
/// against one schema, end in exactly the state of one ingest of their union into another.
/// </summary>
public sealed class ConcurrentIngestTests(OverlappingInput input) : IClassFixture<OverlappingInput>
{
    private string Connection => input.App.Database.ConnectionString;

    [Fact]
    public async Task four_concurrent_cli_ingests_of_overlapping_files_give_the_state_of_one_ingest_of_their_union()
    {
        var ltv = new LtvProcess(Connection);

        var results = await Task.WhenAll(input.Files.Select(f => ltv.RunAsync("ingest", f, "--format", "json")));

        results.ShouldAllBe(r => r.ExitCode == 0 && r.Error.Length == 0, string.Join("\n", results.Select(r => r.Error)));
        await ShouldBeTheUnionAsync(ltv.Schema, "four CLI writers against one");
    }

    [Fact]
    public async Task cli_ingests_and_http_posts_at_once_give_the_state_of_one_ingest_of_their_union()
    {
        var ltv = new LtvProcess(Connection);
        (await ltv.RunAsync("summary")).ExitCode.ShouldBe(0, "the schema exists before the server starts");
        await using var server = await ServeProcess.StartAsync(ltv);

        var writes = input.Files.Select((file, i) => i % 2 == 0 ? IngestAsync(ltv, file) : PostAsync(server, file)).ToList();
        await Task.WhenAll(writes);

        (await ltv.RunAsync("project")).ExitCode.ShouldBe(0);
        await ShouldBeTheUnionAsync(ltv.Schema, "two CLI and two HTTP writers against one");
        server.HasExited.ShouldBeFalse(server.Log);
    }

    private static async Task IngestAsync(LtvProcess ltv, string file)
    {
        var result = await ltv.RunAsync("ingest", file, "--format", "json");
        result.ExitCode.ShouldBe(0, result.Error);
    }

    private static async Task PostAsync(ServeProcess server, string file) =>
        (await server.PostEventsAsync(file))["status"]!.GetValue<string>().ShouldBe("completed");

    private async Task ShouldBeTheUnionAsync(string schema, string because)
    {
        var dataSource = input.App.Database.DataSource;
        await StoreSnapshot.ShouldBeConsistentAsync(dataSource, schema, because);
        (await StoreSnapshot.TakeAsync(dataSource, schema)).ShouldMatch(input.Expected, because);

        await using var command = dataSource.CreateCommand(
            $"select count(*) from \"{schema}\".ingest_runs a join \"{schema}\".ingest_runs b on a.id < b.id and a.started_at < b.finished_at and b.started_at < a.finished_at");
        ((long)(await command.ExecuteScalarAsync())!).ShouldBeGreaterThan(0, $"{because}: the writers ran at the same time");
    }
}
