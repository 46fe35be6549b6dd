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
        Files = GeneratedInput.Overlapping(await File.ReadAllLinesAsync(_union), Writers);
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
}
