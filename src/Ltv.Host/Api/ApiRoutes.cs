namespace Ltv.Host.Api;

/// <summary>Routes the HTTP plumbing treats apart: the rate limiter gives event posts their own queue and never limits health.</summary>
public static class ApiRoutes
{
    public const string Events = "/api/events";

    public const string Health = "/health";
}
