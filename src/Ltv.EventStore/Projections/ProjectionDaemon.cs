using Ltv.EventStore.Reading;
using Ltv.EventStore.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Ltv.EventStore.Projections;

/// <summary>How the daemon paces itself.</summary>
/// <param name="BatchSize">Events per transaction.</param>
/// <param name="PollInterval">How long an idle projection waits for a notification before looking again anyway.</param>
/// <param name="MaxBackoff">The longest wait between attempts while the database is unreachable.</param>
public sealed record DaemonOptions(int BatchSize = 10_000, TimeSpan? PollInterval = null, TimeSpan? MaxBackoff = null)
{
    internal TimeSpan Poll => PollInterval ?? TimeSpan.FromSeconds(1);

    internal TimeSpan Backoff => MaxBackoff ?? TimeSpan.FromSeconds(30);
}

/// <summary>
/// Runs every async projection until cancelled: each in its own loop, a batch per transaction, woken by
/// append notifications with polling as a fallback. A database fault backs off and retries. An event a
/// projection cannot apply stops that projection alone, with the event and the error in its progress row
/// (never skipped); the others go on. A rebuild clears the failure, and the loop resumes by itself.
/// </summary>
public sealed class ProjectionDaemon(
    NpgsqlDataSource dataSource, SchemaName schema, IReadOnlyList<IProjection> projections, DaemonOptions? options = null, ILogger? logger = null)
{
    private readonly DaemonOptions _options = options ?? new DaemonOptions();
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly ProjectionProgressStore _progress = new(schema);

    /// <summary>
    /// Runs until <paramref name="stop"/> is cancelled, then finishes the batch in flight and returns.
    /// Cancelling <paramref name="abort"/> as well stops at once: the batch in flight rolls back, whole.
    /// </summary>
    public async Task RunAsync(CancellationToken stop, CancellationToken abort = default)
    {
        await using var signal = new AppendSignal(dataSource, schema);
        signal.Start();
        await Task.WhenAll(projections.Select(p => Task.Run(() => RunOneAsync(p, signal, stop, abort), CancellationToken.None)));
    }

    private async Task RunOneAsync(IProjection projection, AppendSignal signal, CancellationToken ct, CancellationToken abort)
    {
        var runner = new AsyncProjectionRunner(dataSource, schema, projection, _options.BatchSize);
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                try
                {
                    if (await runner.RunBatchAsync(abort) == 0)
                    {
                        await signal.WaitAsync(_options.Poll, ct);
                    }
                }
                catch (Exception e) when (!IsTransient(e) && e is not OperationCanceledException)
                {
                    await StopOnPoisonAsync(runner, e, abort);
                }

                backoff = TimeSpan.FromMilliseconds(100);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested || abort.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (IsTransient(e))
            {
                _logger.LogWarning("Projection {Projection}: database unavailable ({Error}); retrying in {Delay}", projection.Name, e.Message, backoff);
                await Task.Delay(backoff, ct).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.Backoff.Ticks));
            }
        }
    }

    /// <summary>
    /// Applies one event at a time from the current position, so that every event before the poison is
    /// applied and the poison itself is named, then marks the projection failed.
    /// </summary>
    private async Task StopOnPoisonAsync(AsyncProjectionRunner runner, Exception first, CancellationToken ct)
    {
        var error = first;
        try
        {
            while (await runner.RunBatchAsync(ct, maxEvents: 1) > 0)
            {
            }

            return; // everything applied one by one: the failure did not come from an event
        }
        catch (Exception e) when (!IsTransient(e) && e is not OperationCanceledException)
        {
            error = e;
        }

        var progress = await runner.ProgressAsync(ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var poison = (await new GlobalLogReader(schema).ReadAsync(connection, null, progress.Position, 1, ct)).FirstOrDefault();
        var where = poison is null
            ? $"after position {progress.Position}"
            : $"event {poison.Position} ({poison.EventType}, stream {poison.StreamId} version {poison.StreamVersion})";
        var reason = $"{where}: {error.GetType().Name}: {error.Message}";
        await _progress.MarkFailedAsync(dataSource, runner.Projection.Name, reason, ct);
        _logger.LogError(error, "Projection {Projection} stopped on {Event}", runner.Projection.Name, where);
    }

    private static bool IsTransient(Exception e) =>
        PostgresErrors.IsUnavailable(e) || e is NpgsqlException { IsTransient: true } || e is EventStoreUnavailableException;
}
