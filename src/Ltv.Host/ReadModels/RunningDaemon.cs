using JasperFx.Events.Daemon;

namespace Ltv.Host.ReadModels;

/// <summary>
/// The async daemon this process runs, if any (<c>ltv serve</c> runs one; a CLI command does not). A rebuild in a
/// process that runs the daemon must go through it rather than beside it. Looked up when asked, since the daemon
/// starts with the host.
/// </summary>
public sealed class RunningDaemon(Func<IProjectionDaemon?> find)
{
    public IProjectionDaemon? Find() => find();
}
