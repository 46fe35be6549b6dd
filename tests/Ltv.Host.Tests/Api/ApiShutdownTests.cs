using System.Net;
using Ltv.Host.Generation;
using Ltv.Host.Ingestion;
using Ltv.Projections;
using Ltv.Projections.Store.Summary;

namespace Ltv.Host.Tests.Api;

/// <summary>A body is ingested while it arrives, and a shutdown in the middle of one leaves only whole batches.</summary>
public sealed class ApiShutdownTests
{
    // Distinct valid events only, so that every committed batch adds exactly BatchSize events.
    private static (List<string> Head, List<string> Tail) Body()
    {
        var lines = SyntheticEvents.Generate(new SyntheticEventOptions(Customers: 300, Seed: 8)).Distinct().ToList();
        return (lines[..2000], lines[2000..]);
    }

    [Fact]
    public async Task batches_are_committed_while_the_body_is_still_arriving()
    {
        await using var server = await ApiServer.StartAsync();
        var (head, tail) = Body();
        using var content = new GatedContent(head, tail);

        var posting = server.Client.PostAsync(new Uri("/api/events", UriKind.Relative), content);
        var committed = await CommittedAsync(server);
        content.Release();
        using var response = await posting;

        committed.ShouldBeGreaterThan(0); // the rest of the body had not been sent yet
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadAsync()).Long("accepted").ShouldBe(head.Count + tail.Count);
    }

    [Fact]
    public async Task stopping_the_server_during_an_ingest_leaves_whole_batches_and_answers_503()
    {
        await using var server = await ApiServer.StartAsync();
        var (head, tail) = Body();
        using var content = new GatedContent(head, tail);
        var posting = server.Client.PostAsync(new Uri("/api/events", UriKind.Relative), content);
        await CommittedAsync(server);

        var stopping = server.App.StopAsync(); // signals ApplicationStopping before it returns
        content.Release(); // the client sends its last lines only once asked to stop, so that it can read the answer
        using var response = await posting;
        await stopping;

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.ReadAsync()).GetProperty("title").GetString().ShouldBe("Shutting down");
        var run = (await server.Store.Get<IngestRunStore>().ListAsync(runId: null, 1, default)).Single();
        run.Status.ShouldBe(IngestRunStatus.Failed);
        run.Message.ShouldBe("stopped before the end of the input");
        (run.Accepted % ApiServer.BatchSize).ShouldBe(0);
        (await server.Store.Get<StoreSummaryQuery>().ExecuteAsync(default)).Events.ShouldBe(run.Accepted);
    }

    /// <summary>Waits (up to a minute) until the server has committed a batch of the run in flight; returns the events accepted so far.</summary>
    private static async Task<long> CommittedAsync(ApiServer server)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var runs = server.Store.Get<IngestRunStore>();
        while (true)
        {
            if ((await runs.ListAsync(runId: null, 1, timeout.Token)).SingleOrDefault() is { Accepted: > 0 } run)
            {
                return run.Accepted;
            }

            await Task.Delay(20, timeout.Token); // polling a condition, not waiting a fixed time
        }
    }
}
