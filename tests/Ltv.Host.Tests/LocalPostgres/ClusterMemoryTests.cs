using Ltv.Host.LocalPostgres;

namespace Ltv.Host.Tests.LocalPostgres;

public sealed class ClusterMemoryTests
{
    private const long Gb = 1024L * 1024 * 1024;

    [Fact]
    public void a_24_gb_machine_gives_a_quarter_to_shared_buffers_and_half_as_the_cache_estimate()
    {
        var memory = ClusterMemory.For(24 * Gb);

        memory.MachineMb.ShouldBe(24 * 1024);
        memory.SharedBuffersMb.ShouldBe(6 * 1024);
        memory.EffectiveCacheSizeMb.ShouldBe(12 * 1024);
    }

    [Fact]
    public void a_small_machine_still_gets_postgres_own_default_of_128_mb()
    {
        var memory = ClusterMemory.For(256L * 1024 * 1024);

        memory.SharedBuffersMb.ShouldBe(128);
        memory.EffectiveCacheSizeMb.ShouldBe(128);
    }

    [Fact]
    public void a_large_machine_is_capped_at_8_gb_of_shared_buffers()
    {
        var memory = ClusterMemory.For(256 * Gb);

        memory.SharedBuffersMb.ShouldBe(8 * 1024);
        memory.EffectiveCacheSizeMb.ShouldBe(128 * 1024);
    }

    [Fact]
    public void this_machine_reports_its_memory()
    {
        ClusterMemory.ForThisMachine().MachineMb.ShouldBeGreaterThan(0);
    }
}
