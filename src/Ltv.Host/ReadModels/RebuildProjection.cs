namespace Ltv.Host.ReadModels;

/// <summary>
/// The command to rebuild the read model <paramref name="Name"/> from the whole log into a new copy, switched to
/// when complete, while queries keep answering the current one. <paramref name="Progress"/> hears the events
/// applied so far: the CLI's progress bar, in process only.
/// </summary>
public sealed record RebuildProjection(string Name, IProgress<long>? Progress = null)
{
    /// <summary>What the CLI prints and HTTP answers (404) when no read model has that name.</summary>
    public static string Unknown(string name, IEnumerable<string> names) =>
        $"Unknown projection '{name}': use one of {string.Join(", ", names)}.";
}
