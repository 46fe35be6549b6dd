using JasperFx.Events.Daemon;
using Ltv.Host.Generation;
using Ltv.Projections.Store;
using Ltv.Projections.Store.Copies;
using Ltv.Projections.Store.DailyStats;
using Ltv.Projections.Store.Ranking;
using Ltv.Projections.Store.Rebuild;
using Ltv.Projections.Store.Status;
using Ltv.Testing;

namespace Ltv.Projections.Tests.Marten;

/// <summary>
/// Rebuilds with Marten's own RebuildProjectionAsync (<see cref="ReadModelRebuilder"/>): queries asked without pause
/// while a rebuild runs each get the whole log's answer, and the rebuilt read model equals the live one and the fold of
/// the log. Each test first damages or empties what the rebuild must write, so a rebuild that does nothing fails.
/// </summary>
public sealed class RebuildOnMartenTests
{
    private static readonly List<string> Lines = [.. SyntheticEvents.Generate(new SyntheticEventOptions(Customers: 1500, Seed: 31))];

    [Theory]
    [InlineData(RankingRegistration.ReadModelName)]
    [InlineData(DailyStatsProjection.ProjectionName)]
    public async Task while_an_async_read_model_is_rebuilt_every_answer_is_the_whole_logs_and_the_rebuilt_copy_goes_live_equal_to_the_other(
        string readModel)
    {
        await using var marten = await StoreWithLogAsync();
        var subject = new RebuildSubject(readModel, marten, Lines);
        var rebuilder = new ReadModelRebuilder(marten.Store, marten.Database.DataSource);
        await subject.AskAsync();

        // There and back: blue to green, then green to blue.
        foreach (var idle in new[] { ReadModelCopy.Green, ReadModelCopy.Blue })
        {
            // The copy the rebuild writes. A rebuild that only switched would make queries read it.
            await subject.DamageAsync(idle, empty: false);

            var (rebuild, during) = await RebuildWhileAskingAsync(subject, () => rebuilder.RebuildAsync(readModel, CancellationToken.None));

            during.ShouldBeGreaterThan(0, "answers given while the rebuild ran");
            (rebuild.ReadModel, rebuild.Projection, rebuild.Events).ShouldBe((readModel, ReadModelCopies.ProjectionName(readModel, idle), (long)subject.Events));
            (await LiveAsync(marten, readModel)).ShouldBe(new LiveCopy(idle, false));
            var status = (await new StoreStatusQuery(marten.Store, marten.Database.DataSource, marten.Schema).ExecuteAsync(CancellationToken.None))
                .Projections.Single(p => p.Name == readModel);
            (status.Lag, status.State).ShouldBe((0L, ProjectionStates.Running), "the status follows the live copy");
            await subject.ShouldHoldTheWholeLogAsync(idle);
            await subject.ShouldHoldTheWholeLogAsync(idle.Other());
            await subject.AskAsync();
        }
    }

    [Fact]
    public async Task while_customer_lifetime_is_rebuilt_in_place_every_answer_is_the_fold_of_the_stream_and_the_rebuild_waits_for_appends_in_flight()
    {
        await using var marten = await StoreWithLogAsync();
        var subject = new RebuildSubject(CustomerLifetimeProjection.ProjectionName, marten, Lines);
        await subject.DamageAsync(ReadModelCopy.Blue, empty: false);

        // An append in flight (a batch already stored: it adds nothing) holds the gate until released.
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var batch = LtvOracle.AcceptedEvents(Lines).Take(50).ToList();
        var held = Task.Run(() => new EventLogAppender(marten.Store).AppendAsync(batch, (_, _) => { entered.Set(); release.Wait(); }, CancellationToken.None));
        entered.Wait(TimeSpan.FromSeconds(30)).ShouldBeTrue();

        var rebuilder = new ReadModelRebuilder(marten.Store, marten.Database.DataSource);
        var rebuilding = rebuilder.RebuildAsync(CustomerLifetimeProjection.ProjectionName, CancellationToken.None);
        while (!(await LiveAsync(marten, CustomerLifetimeProjection.ProjectionName)).Rebuilding)
        {
            rebuilding.IsCompleted.ShouldBeFalse("the rebuild flags itself before it starts");
            await Task.Yield();
        }

        // From here queries read the damaged documents no more; Marten empties and replays them once the append is done.
        await subject.AskAsync();
        rebuilding.IsCompleted.ShouldBeFalse("the rebuild waits for the append in flight");
        release.Set();
        var (rebuild, during) = await RebuildWhileAskingAsync(subject, () => rebuilding);

        (await held).Outcomes.ShouldAllBe(o => o == AppendOutcome.Duplicate);
        during.ShouldBeGreaterThan(0, "answers given while the rebuild ran");
        (rebuild.Projection, rebuild.Events).ShouldBe((CustomerLifetimeProjection.ProjectionName, (long)subject.Events));
        (await LiveAsync(marten, CustomerLifetimeProjection.ProjectionName)).ShouldBe(LiveCopy.Initial);
        await subject.ShouldHoldTheWholeLogAsync(ReadModelCopy.Blue);
    }

    [Theory]
    [InlineData(RankingRegistration.ReadModelName, false)]
    [InlineData(RankingRegistration.ReadModelName, true)]
    [InlineData(DailyStatsProjection.ProjectionName, false)]
    [InlineData(DailyStatsProjection.ProjectionName, true)]
    [InlineData(CustomerLifetimeProjection.ProjectionName, false)]
    [InlineData(CustomerLifetimeProjection.ProjectionName, true)]
    public async Task a_rebuild_gives_a_damaged_or_emptied_live_read_model_the_answers_of_the_whole_log_back(string readModel, bool empty)
    {
        await using var marten = await StoreWithLogAsync();
        var subject = new RebuildSubject(readModel, marten, Lines);
        await subject.DamageAsync(ReadModelCopy.Blue, empty);
        (await Record.ExceptionAsync(subject.AskAsync)).ShouldBeOfType<ShouldAssertException>("the damage shows in the answers");

        var rebuild = await new ReadModelRebuilder(marten.Store, marten.Database.DataSource).RebuildAsync(readModel, CancellationToken.None);

        rebuild.Events.ShouldBe(subject.Events);
        await subject.AskAsync();
        await subject.ShouldHoldTheWholeLogAsync((await LiveAsync(marten, readModel)).Copy);
    }

    private static async Task<MartenStore> StoreWithLogAsync()
    {
        var marten = new MartenStore();
        await marten.InitializeAsync();
        var events = LtvOracle.AcceptedEvents(Lines);
        var appender = new EventLogAppender(marten.Store);
        foreach (var batch in events.Chunk(5_000))
        {
            await appender.AppendAsync(batch, alongside: null, CancellationToken.None);
        }

        using var daemon = await marten.Store.BuildProjectionDaemonAsync();
        await daemon.CatchUpAsync(TimeSpan.FromMinutes(2), CancellationToken.None);
        return marten;
    }

    /// <summary>Asks without pause until the rebuild ends; counts the answers completed while it still ran.</summary>
    private static async Task<(ReadModelRebuild Rebuild, int During)> RebuildWhileAskingAsync(RebuildSubject subject, Func<Task<ReadModelRebuild>> rebuild)
    {
        var rebuilding = Task.Run(rebuild);
        var during = 0;
        while (!rebuilding.IsCompleted)
        {
            await subject.AskAsync();
            during += rebuilding.IsCompleted ? 0 : 1;
        }

        return (await rebuilding, during);
    }

    private static async Task<LiveCopy> LiveAsync(MartenStore marten, string readModel)
    {
        await using var connection = await marten.Database.DataSource.OpenConnectionAsync();
        return await new LiveCopyPointer(marten.Schema).ReadAsync(connection, readModel, CancellationToken.None);
    }
}
