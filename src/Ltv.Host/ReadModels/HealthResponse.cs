namespace Ltv.Host.ReadModels;

/// <summary>GET /health: the database reachable, and how far each read model is behind the log.</summary>
/// <param name="Status">healthy; degraded when a read model has stopped on an event; unhealthy when the database is unreachable.</param>
/// <param name="Database">reachable or unreachable.</param>
/// <param name="Head">The sequence number of the last committed event.</param>
/// <param name="Projections">Each read model's state and lag.</param>
/// <param name="Error">Why the database is unreachable.</param>
public sealed record HealthResponse(string Status, string Database, long? Head, IReadOnlyList<ProjectionHealth> Projections, string? Error);

/// <summary>One read model's state and lag, in events and in seconds.</summary>
public sealed record ProjectionHealth(string Name, string State, long Lag, double LagSeconds);
