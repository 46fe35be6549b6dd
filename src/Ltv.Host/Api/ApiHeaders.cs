namespace Ltv.Host.Api;

/// <summary>The response headers the API adds to answers.</summary>
public static class ApiHeaders
{
    /// <summary>How many events of the log a read model has not applied yet, on every answer that comes from one.</summary>
    public const string ProjectionLag = "Ltv-Projection-Lag";
}
