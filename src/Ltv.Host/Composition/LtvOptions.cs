using Ltv.Domain.Lifetime;
using Ltv.EventStore.Schema;

namespace Ltv.Host.Composition;

/// <summary>The settings every command shares.</summary>
/// <param name="Schema">The PostgreSQL schema holding the store and read models (LTV_SCHEMA).</param>
/// <param name="Ltv">The default timeframe and lifespan (LTV_TIMEFRAME, LTV_LIFESPAN).</param>
/// <param name="BatchSize">Records per ingest transaction.</param>
public sealed record LtvOptions(SchemaName Schema, LtvSettings Ltv, int BatchSize = 5000)
{
    public static LtvOptions FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var schema = environment("LTV_SCHEMA") is { Length: > 0 } s ? SchemaName.From(s) : SchemaName.Default;
        var timeframe = environment("LTV_TIMEFRAME") is { Length: > 0 } t
            ? TimeframeNames.Parse(t)
            : Timeframe.Dataset;
        var lifespan = environment("LTV_LIFESPAN") is { Length: > 0 } l
            ? decimal.Parse(l, System.Globalization.CultureInfo.InvariantCulture)
            : 10m;
        return new LtvOptions(schema, new LtvSettings(timeframe, lifespan));
    }
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
