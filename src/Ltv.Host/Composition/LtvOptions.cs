using Ltv.Domain.Lifetime;
using Ltv.Projections;
using Ltv.Projections.Store;

namespace Ltv.Host.Composition;

/// <summary>The settings every command shares.</summary>
/// <param name="Schema">The PostgreSQL schema holding the store and read models (LTV_SCHEMA).</param>
/// <param name="Ltv">The default timeframe and lifespan (LTV_TIMEFRAME, LTV_LIFESPAN).</param>
/// <param name="BatchSize">Records per ingest transaction (<see cref="DefaultBatchSize"/>).</param>
/// <param name="IngestWriters">Append transactions an ingest runs side by side (LTV_INGEST_WRITERS, 1 to 8).</param>
/// <param name="DaemonBatchSize">Events per batch of Marten's async daemon (LTV_DAEMON_BATCH_SIZE, 100 to 100,000).</param>
/// <param name="HostName">
/// This process's name among those sharing the store (LTV_HOST_NAME; by default the machine's name and the process id):
/// the application name of its database sessions, which <c>ltv status</c> shows for each read model it runs.
/// </param>
public sealed record LtvOptions(
    SchemaName Schema,
    LtvSettings Ltv,
    int BatchSize = LtvOptions.DefaultBatchSize,
    int IngestWriters = LtvOptions.DefaultIngestWriters,
    int DaemonBatchSize = LtvStoreOptions.AsyncBatchSize,
    string? HostName = null)
{
    /// <summary>The name this process goes by: <see cref="HostName"/>, or the machine's name and the process id.</summary>
    public string Name => HostName ?? $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>
    /// Two: with prepared statements both cores are busy with two writers. At 1M events two appended as fast as three
    /// (93 s against 96 s) and peaked at 409 MB resident against 513 MB (docs/PERFORMANCE.md, "Memory").
    /// </summary>
    public const int DefaultIngestWriters = 2;

    /// <summary>
    /// 2,000 records: a batch in flight is one Marten session holding its events, the documents the inline projection
    /// loads and writes, and the commands for them. At 1M events, two writers of 2,000 peaked at 279 MB resident against
    /// 394 to 409 MB with 5,000, appending in 112 s against 93 to 117 s (docs/PERFORMANCE.md, "Memory").
    /// </summary>
    public const int DefaultBatchSize = 2000;

    public static LtvOptions FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var schema = environment("LTV_SCHEMA") is { Length: > 0 } s ? SchemaName.From(s) : SchemaName.Default;
        var timeframe = environment("LTV_TIMEFRAME") is { Length: > 0 } t
            ? TimeframeNames.Parse(t)
            : Timeframe.Dataset;
        var lifespan = environment("LTV_LIFESPAN") is { Length: > 0 } l ? Lifespan(l) : 10m;
        var writers = environment("LTV_INGEST_WRITERS") is { Length: > 0 } w ? Writers(w) : DefaultIngestWriters;
        var daemonBatch = environment("LTV_DAEMON_BATCH_SIZE") is { Length: > 0 } b ? DaemonBatch(b) : LtvStoreOptions.AsyncBatchSize;
        var hostName = environment("LTV_HOST_NAME") is { Length: > 0 } h ? HostNames.Checked(h) : null;
        return new LtvOptions(
            schema, new LtvSettings(timeframe, lifespan), IngestWriters: writers, DaemonBatchSize: daemonBatch, HostName: hostName);
    }

    /// <summary>
    /// The LTV rule a query asks for: a timeframe or lifespan it leaves out is this store's default; a lifespan out of
    /// range is the user's mistake, told in one line.
    /// </summary>
    public LtvSettings SettingsFor(Timeframe? timeframe, decimal? lifespanYears)
    {
        if (lifespanYears is <= 0 or > LtvSettings.MaxLifespanYears)
        {
            throw new UserError(
                $"lifespan must be more than 0 and at most {LtvSettings.MaxLifespanYears} years; it is {lifespanYears.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }

        return new LtvSettings(timeframe ?? Ltv.Timeframe, lifespanYears ?? Ltv.LifespanYears);
    }

    private static int Writers(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var writers)
        && writers is >= 1 and <= 8
            ? writers
            : throw new UserError($"Invalid LTV_INGEST_WRITERS '{text}': use a whole number from 1 to 8.");

    private static int DaemonBatch(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size)
        && size is >= 100 and <= 100_000
            ? size
            : throw new UserError($"Invalid LTV_DAEMON_BATCH_SIZE '{text}': use a whole number from 100 to 100000.");

    private static decimal Lifespan(string text) =>
        decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var years)
        && years is > 0m and <= LtvSettings.MaxLifespanYears
            ? years
            : throw new UserError($"Invalid LTV_LIFESPAN '{text}': use a number of years above 0 and at most {LtvSettings.MaxLifespanYears}.");
}

/// <summary>How timeframes are written on the command line and in configuration.</summary>
public static class TimeframeNames
{
    public const string Dataset = "dataset";
    public const string Customer = "customer";

    public static Timeframe Parse(string name) => name.ToLowerInvariant() switch
    {
        Dataset => Timeframe.Dataset,
        Customer => Timeframe.Customer,
        _ => throw new UserError($"Unknown timeframe '{name}': use '{Dataset}' or '{Customer}'."),
    };

    public static string Of(Timeframe timeframe) => timeframe == Timeframe.Dataset ? Dataset : Customer;
}
