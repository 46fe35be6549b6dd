using Npgsql;

namespace Ltv.Host.Composition;

/// <summary>Server settings for every session the product opens, sent in the connection's startup packet.</summary>
/// <remarks>
/// JIT off: the product's statements are index lookups and batch-sized updates that run in a millisecond or a few,
/// and JIT compiles for 15 to 30 ms whenever a plan's estimated cost passes jit_above_cost. Estimates grow with the
/// tables even when the work does not: the projection lag (an index range scan that finds nothing when caught up)
/// is costed at a third of the log, and at 8.4M events that crossed the threshold and made every top-10 query
/// pay a compile (p50 0.4 ms at 4M events, 2.8 ms at 8.4M; docs/PERFORMANCE.md).
/// Statements prepared once per connection (Npgsql's automatic preparation): Marten sends the same few statements
/// thousands of times per batch (its append function once per stream, its upsert once per document), and top X's
/// one statement spent 0.58 ms of its 1 ms planning. Preparing them cut the server's CPU for an ingest of 101,111
/// events with its catch-up from about 18.5 s to about 11 s (docs/PERFORMANCE.md).
/// </remarks>
public static class SessionOptions
{
    public const string Settings = "-c jit=off";

    /// <summary>Distinct statements each connection keeps prepared; the product sends a few dozen.</summary>
    public const int PreparedStatements = 100;

    /// <summary>A statement is prepared on its second use: most of Marten's recur thousands of times at once.</summary>
    public const int UsesBeforePreparing = 2;

    /// <summary>
    /// The connection string with <see cref="Settings"/> added to any startup options it already has, automatic
    /// preparation unless it sets its own (<c>Max Auto Prepare</c>; 0 turns it off, as a pooler in transaction mode may
    /// need), and
    /// <paramref name="applicationName"/> as the sessions' application name unless it names one already: PostgreSQL
    /// shows it beside each session and lock, which is how <c>ltv status</c> tells who runs a read model.
    /// </summary>
    public static string Apply(string connectionString, string? applicationName = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? Settings : $"{builder.Options} {Settings}";
        if (!SetsMaxAutoPrepare(connectionString))
        {
            builder.MaxAutoPrepare = PreparedStatements;
            builder.AutoPrepareMinUsages = UsesBeforePreparing;
        }

        if (applicationName is not null && string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = applicationName;
        }

        return builder.ConnectionString;
    }

    // Npgsql's builder answers 0 whether the string says 0 or nothing, and knows every keyword: read what was written
    // ("Max Auto Prepare", or its property name, in any case and spacing).
    private static bool SetsMaxAutoPrepare(string connectionString) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>()
            .Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals(nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare), StringComparison.OrdinalIgnoreCase));
}
