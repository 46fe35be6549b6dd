using System.CommandLine;
using Ltv.Projections.Store;

namespace Ltv.Host.Cli.Commands;

/// <summary><c>ltv daemon</c>: keep the async read models up to date until stopped (Ctrl+C or SIGTERM).</summary>
public static class DaemonCommand
{
    public static Command Create()
    {
        var command = new Command("daemon", "Run the async projection daemon until stopped (Ctrl+C).");
        command.SetAction(async (parse, ct) =>
        {
            await using var app = await LtvApp.OpenAsync(parse.GetValue(CommonOptions.Connection), ct);
            await Console.Error.WriteLineAsync($"ltv daemon: running on {app.Connection.Description}; Ctrl+C to stop.");
            try
            {
                await app.ReadModels.RunDaemonAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Stopped on request, which is how a daemon ends.
            }

            await Console.Error.WriteLineAsync("ltv daemon: stopped.");
            return 0;
        });
        return command;
    }
}
