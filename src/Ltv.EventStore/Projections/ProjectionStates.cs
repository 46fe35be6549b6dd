namespace Ltv.EventStore.Projections;

/// <summary>The states a projection's progress row can be in.</summary>
public static class ProjectionStates
{
    /// <summary>An async projection fed by the daemon or a catch-up.</summary>
    public const string Running = "running";

    /// <summary>An inline projection: always at the head, written by every append.</summary>
    public const string Inline = "inline";

    /// <summary>Stopped on an event it could not apply; the error names the event. Cleared by a rebuild.</summary>
    public const string Failed = "failed";

    /// <summary>A shadow copy being built from the log (its row is named after the projection plus a suffix).</summary>
    public const string Rebuilding = "rebuilding";
}
