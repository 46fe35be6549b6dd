using System.Text.Json.Nodes;
using Ltv.Host.Tests.Cli;
using Ltv.Host.Tests.Ingestion;
using Ltv.Host.Tests.Reliability;
using Ltv.Testing;

namespace Ltv.Host.Tests.Promises;

/// <summary>
/// Every real input (the proof input, then the event files of the peers' solutions) and, last, an `ltv generate` file
/// of 1,500 customers with shuffled duplicates and 5% bad records; the generated file is deleted on dispose.
/// </summary>
public sealed class MixedInput : IDisposable
{
    private MixedInput(string generated) => Files = [.. RealFiles, generated];

    public static IReadOnlyList<string> RealFiles { get; } =
    [
        FixturePaths.InRepository("input", "events.json"),
        .. ((IEnumerable<object[]>)PeerFixtureTests.PeerInputs()).Select(row => FixturePaths.Fixture("peers", (string)row[0])),
    ];

    public string[] Files { get; }

    public static async Task<MixedInput> CreateAsync(LtvProcess ltv, int seed) =>
        new(await GeneratedInput.GenerateAsync(ltv, customers: 1_500, seed, bad: 0.05));

    /// <summary>Ingests every file as one run; returns its summary and the answers after it, whose rankings are the oracle's.</summary>
    public async Task<(JsonNode Run, AnswersSnapshot Answers)> IngestAsync(LtvProcess ltv)
    {
        var run = await IngestRuns.IngestAsync(ltv, Files);
        var answers = await AnswersSnapshot.TakeAsync(ltv);
        OracleRanking.ShouldAgree(answers, await OracleRanking.ObjectsAsync(Files));
        return (run, answers);
    }

    public void Dispose() => File.Delete(Files[^1]);
}
