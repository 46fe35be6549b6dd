using Npgsql;

namespace Ltv.Projections.DailyStats;

/// <summary>One copy of the DailyStats read model: its tables and how far it is behind the log.</summary>
public sealed record DailyStatsCopy(DailyStatsTables Tables, ReadModelLag Lag);

/// <summary>
/// The copy a query reads, found on the query's own connection once per answer: fixed for the old store, the live
/// one of two on Marten's (blue/green), so a rebuild's switch never splits an answer across copies.
/// </summary>
public delegate Task<DailyStatsCopy> DailyStatsSource(NpgsqlConnection connection, CancellationToken ct);
