using Npgsql;

namespace Ltv.Projections;

/// <summary>How many events of the log a read model has not applied yet, read on the query's own connection.</summary>
public delegate Task<long> ReadModelLag(NpgsqlConnection connection, CancellationToken ct);
