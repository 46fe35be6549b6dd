using Ltv.Host.Composition;
using Ltv.Projections.Store.Hosts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ltv.Host.Api;

/// <summary>
/// A serving host's heartbeat (<see cref="HostHeartbeat"/>): stored once the server listens, again every
/// <see cref="HostHeartbeats.Interval"/>, and deleted when the host stops. For watching only (<c>ltv status</c>):
/// Marten's HotCold locks decide which host runs what, and a heartbeat that fails is logged, never fatal.
/// </summary>
public sealed partial class HostHeartbeatService(
    HostHeartbeats heartbeats, LtvOptions options, IServer server, IHostApplicationLifetime lifetime, ILogger<HostHeartbeatService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StartedAsync(stoppingToken))
        {
            return;
        }

        var urls = string.Join(" ", server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        var heartbeat = new HostHeartbeat(options.Name, urls, Environment.ProcessId, DateTimeOffset.UtcNow);
        using var timer = new PeriodicTimer(HostHeartbeats.Interval);
        do
        {
            try
            {
                await heartbeats.BeatAsync(heartbeat, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogMissedBeat(logger, e.Message);
            }
        }
        while (await Tick(timer, stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await heartbeats.RemoveAsync(options.Name, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogMissedBeat(logger, e.Message);
        }
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(started.SetResult);
        await Task.WhenAny(started.Task, Task.Delay(Timeout.Infinite, stoppingToken));
        return started.Task.IsCompleted;
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat not stored: {Reason}")]
    private static partial void LogMissedBeat(ILogger logger, string reason);
}
