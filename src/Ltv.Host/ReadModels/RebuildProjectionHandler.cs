using Ltv.Projections.Store;

namespace Ltv.Host.ReadModels;

/// <summary>Handles <see cref="RebuildProjection"/> with Marten's rebuild, through the daemon this host runs when it runs one.</summary>
public static class RebuildProjectionHandler
{
    public static Task<RebuildResult> Handle(RebuildProjection command, ReadModelCatalog catalog, RunningDaemon daemon, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(daemon);
        if (!catalog.Names.Contains(command.Name))
        {
            throw new UserError(RebuildProjection.Unknown(command.Name, catalog.Names));
        }

        return catalog.RebuildAsync(command.Name, command.Progress, ct, daemon.Find());
    }
}
