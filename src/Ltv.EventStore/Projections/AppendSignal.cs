using Ltv.EventStore.Schema;
using Npgsql;

namespace Ltv.EventStore.Projections;

/// <summary>
/// Wakes waiting subscribers when events are appended: one connection LISTENs on the schema's channel
/// and pulses every waiter. If the connection drops, it reconnects with back-off; waiters keep polling
/// meanwhile, so the signal is an optimisation and never a condition for correctness.
/// </summary>
internal sealed class AppendSignal(NpgsqlDataSource dataSource, SchemaName schema) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _pulse = NewPulse();
    private Task? _listening;

    public void Start() => _listening = Task.Run(() => ListenAsync(_stop.Token));

    /// <summary>Waits for an append, or until <paramref name="timeout"/> passes.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        var pulse = Volatile.Read(ref _pulse).Task;
        await Task.WhenAny(pulse, Task.Delay(timeout, ct));
        ct.ThrowIfCancellationRequested();
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(ct);
                connection.Notification += (_, _) => Interlocked.Exchange(ref _pulse, NewPulse()).TrySetResult();
                await using (var listen = new NpgsqlCommand($"listen {AppendNotifications.Channel(schema)}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }

                backoff = TimeSpan.FromMilliseconds(200);
                while (!ct.IsCancellationRequested)
                {
                    await connection.WaitAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or IOException)
            {
                await Task.Delay(backoff, ct).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    private static TaskCompletionSource NewPulse() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_listening is not null)
        {
            await _listening;
        }

        _stop.Dispose();
    }
}
