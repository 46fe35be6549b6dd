using System.Text.Json;
using Ltv.Domain.DailyStats;
using Ltv.Host.Tests.Cli;
using Ltv.Testing;

namespace Ltv.Host.Tests.Stats;

/// <summary>
/// A class fixture: input/events.json ingested once by the real executable into a schema of its own, and the
/// daily statistics the pure reference computes from the same file.
/// </summary>
public sealed class ProofInputStore : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public LtvProcess Ltv { get; private set; } = null!;

    public IReadOnlyList<string> Lines { get; private set; } = [];

    public DailyStatsReference Reference { get; private set; } = null!;

    public string ConnectionString => _database.ConnectionString;

    public static string InputFile => FixturePaths.InRepository("input", "events.json");

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        Ltv = new LtvProcess(_database.ConnectionString);
        var ingest = await Ltv.RunAsync("ingest", InputFile);
        ingest.ExitCode.ShouldBe(0, ingest.Error);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(InputFile));
        Lines = [.. document.RootElement.EnumerateArray().Select(e => e.GetRawText())];
        Reference = DailyStatsReference.From(LtvOracle.AcceptedEvents(Lines));
    }

    public Task DisposeAsync() => _database.DisposeAsync();
}
