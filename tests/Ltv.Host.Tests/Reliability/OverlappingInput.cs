using Ltv.Host.Tests.Cli;
using Ltv.Testing;

namespace Ltv.Host.Tests.Reliability;

/// <summary>
/// A generated input, the state of one ingest of all of it (the reference), and four files that each hold half of it
/// in an order of their own, so that every line is in two files: what concurrent writers are given.
/// </summary>
public sealed class OverlappingInput : IAsyncLifetime
{
    public const int Writers = 4;

    private static readonly int Customers = GeneratedInput.Soak ? 20_000 : 1_500;

    private string? _union;

    public LtvTestApp App { get; } = new();

    public IReadOnlyList<string> Files { get; private set; } = [];

    public StoreSnapshot Expected { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        var union = new LtvProcess(App.Database.ConnectionString);
        _union = await GeneratedInput.GenerateAsync(union, Customers, seed: 41);
        Files = Split(await File.ReadAllLinesAsync(_union));
        (await union.RunAsync("ingest", _union)).ExitCode.ShouldBe(0);
        Expected = await StoreSnapshot.TakeAsync(App.Database.DataSource, union.Schema);
    }

    public async Task DisposeAsync()
    {
        foreach (var file in Files.Append(_union).OfType<string>())
        {
            File.Delete(file);
        }

        await App.DisposeAsync();
    }

    /// <summary>File i holds the lines from i/4 to i/4 + 1/2 of the input (wrapping), shuffled with seed i.</summary>
    private static List<string> Split(string[] lines)
    {
        var files = new List<string>();
        for (var i = 0; i < Writers; i++)
        {
            var start = i * lines.Length / Writers;
            var part = Enumerable.Range(start, lines.Length / 2).Select(n => lines[n % lines.Length]).ToArray();
            new Random(i).Shuffle(part);
            var path = GeneratedInput.TempPath($"writer-{i}.ndjson");
            File.WriteAllLines(path, part);
            files.Add(path);
        }

        return files;
    }
}
