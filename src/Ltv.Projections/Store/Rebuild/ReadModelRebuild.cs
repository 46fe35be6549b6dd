namespace Ltv.Projections.Store.Rebuild;

/// <summary>What a rebuild did.</summary>
/// <param name="ReadModel">The read model, by its name on the command line.</param>
/// <param name="Projection">The Marten projection Marten rebuilt: the idle copy of an async read model, or the inline one.</param>
/// <param name="Events">Events of the log in the rebuilt copy when queries started reading it.</param>
/// <param name="Elapsed">From the start to the switch (or, in place, to the end of the replay).</param>
public sealed record ReadModelRebuild(string ReadModel, string Projection, long Events, TimeSpan Elapsed)
{
    public double EventsPerSecond => Elapsed > TimeSpan.Zero ? Events / Elapsed.TotalSeconds : 0;
}
