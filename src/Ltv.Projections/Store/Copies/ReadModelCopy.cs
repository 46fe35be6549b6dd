namespace Ltv.Projections.Store.Copies;

/// <summary>
/// The two copies of an async read model (blue/green). Marten's daemon keeps both from the log; queries read the live
/// one, and a rebuild replays the other with Marten's <c>RebuildProjectionAsync</c> before it becomes live
/// (docs/MARTEN.md, "Rebuilds").
/// </summary>
public enum ReadModelCopy
{
    Blue,
    Green,
}

public static class ReadModelCopies
{
    /// <summary>The copy a rebuild replays into: the one queries are not reading.</summary>
    public static ReadModelCopy Other(this ReadModelCopy copy) => copy == ReadModelCopy.Blue ? ReadModelCopy.Green : ReadModelCopy.Blue;

    /// <summary>
    /// The Marten projection (and progress row) of one copy. Blue keeps the read model's own name, so a store that
    /// never rebuilt looks as it did before copies existed.
    /// </summary>
    public static string ProjectionName(string readModel, ReadModelCopy copy) =>
        copy == ReadModelCopy.Blue ? readModel : readModel + "_green";

    /// <summary>How the pointer table stores a copy.</summary>
    public static string Key(this ReadModelCopy copy) => copy == ReadModelCopy.Blue ? "blue" : "green";

    public static ReadModelCopy FromKey(string key) => key switch
    {
        "blue" => ReadModelCopy.Blue,
        "green" => ReadModelCopy.Green,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a read-model copy."),
    };
}
