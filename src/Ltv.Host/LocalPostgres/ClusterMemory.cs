namespace Ltv.Host.LocalPostgres;

/// <summary>
/// The memory settings of the private cluster, sized to the machine it starts on. PostgreSQL's documentation
/// suggests a quarter of the memory for shared_buffers on a dedicated server; its default of 128 MB is sized for
/// machines of long ago. Once the indexes of the log outgrow the buffers, every append evicts dirty pages at random
/// (docs/PERFORMANCE.md), so a fixed small value makes ingest slow down as the store grows.
/// </summary>
/// <param name="MachineMb">The memory the process may use, in MB (the container's limit, if there is one).</param>
/// <param name="SharedBuffersMb">A quarter of it, at least 128 MB, at most 8 GB (beyond that the operating
/// system's cache serves as well, and checkpoints get longer).</param>
/// <param name="EffectiveCacheSizeMb">Half of it: a planner hint of what shared buffers and the operating system's
/// cache hold together; it reserves nothing.</param>
public sealed record ClusterMemory(long MachineMb, long SharedBuffersMb, long EffectiveCacheSizeMb)
{
    public const long MinSharedBuffersMb = 128;
    public const long MaxSharedBuffersMb = 8 * 1024;

    public static ClusterMemory For(long machineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(machineBytes);
        long machineMb = machineBytes / (1024 * 1024);
        long sharedBuffersMb = Math.Clamp(machineMb / 4, MinSharedBuffersMb, MaxSharedBuffersMb);
        return new ClusterMemory(machineMb, sharedBuffersMb, Math.Max(machineMb / 2, sharedBuffersMb));
    }

    // The runtime's figure honours a container's memory limit, which /proc/meminfo does not.
    public static ClusterMemory ForThisMachine() => For(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
}
