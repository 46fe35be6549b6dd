namespace Ltv.Host.ReadModels;

/// <summary>
/// The query behind GET /health: is the database reachable, and how far is each read model behind the log. Answered
/// with <see cref="HealthResponse"/> whether or not the database answers.
/// </summary>
public sealed record GetHealth;
