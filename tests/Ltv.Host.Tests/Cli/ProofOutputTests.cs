using Ltv.Domain.Lifetime;
using Ltv.Testing;

namespace Ltv.Host.Tests.Cli;

/// <summary>output/output.txt is what `ltv top 10` prints after `ltv ingest input/events.json`, and that is the LTV rule's answer.</summary>
public sealed class ProofOutputTests(LtvTestApp app) : IClassFixture<LtvTestApp>
{
    [Fact]
    public async Task output_txt_is_exactly_what_top_10_prints_for_the_proof_input()
    {
        var input = FixturePaths.InRepository("input", "events.json");
        var ltv = new LtvProcess(app.Database.ConnectionString);
        var ingest = await ltv.RunAsync("ingest", input);
        ingest.ExitCode.ShouldBe(0, ingest.Error);
        var printed = Path.Combine(Path.GetTempPath(), $"ltv-top-{Guid.NewGuid():N}.txt");

        var top = await ltv.RunAsync("top", "10", "--out", printed);

        top.ExitCode.ShouldBe(0, top.Error);
        (await File.ReadAllTextAsync(printed)).ShouldBe(await File.ReadAllTextAsync(FixturePaths.InRepository("output", "output.txt")));
    }

    [Fact]
    public async Task the_proof_input_top_10_equals_the_ltv_rule()
    {
        await app.IngestFileAsync(FixturePaths.InRepository("input", "events.json"));
        var lines = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(FixturePaths.InRepository("input", "events.json")))
            .RootElement.EnumerateArray().Select(e => e.GetRawText()).ToList();

        (await app.TopAsync(10, LtvSettings.Default)).ShouldBe(LtvOracle.Top(lines, LtvSettings.Default, 10));
    }
}
