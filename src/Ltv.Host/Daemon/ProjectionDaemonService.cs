using Ltv.Projections;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ltv.Host.Daemon;

/// <summary>
/// The async projection daemon inside `ltv serve`: started with the host, stopped with it. On shutdown the
/// batch in flight finishes and commits (with its progress row) before the daemon stops; if the process dies
/// first, that batch rolls back whole and is applied again when the daemon next starts.
/// </summary>
public sealed class ProjectionDaemonService(ProjectionCatalog catalog, ILogger<ProjectionDaemonService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Projection daemon running: {Projections}", string.Join(", ", catalog.Async.Select(p => p.Name)));
        try
        {
            await catalog.RunDaemonAsync(stoppingToken, logger);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping is how a daemon ends.
        }

        logger.LogInformation("Projection daemon stopped");
    }
}
