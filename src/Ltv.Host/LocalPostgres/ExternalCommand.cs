using System.ComponentModel;
using System.Diagnostics;

namespace Ltv.Host.LocalPostgres;

internal sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    // The last non-empty line of stderr (or stdout) is almost always the one that names the problem.
    public string LastLine()
    {
        string text = string.IsNullOrWhiteSpace(StandardError) ? StandardOutput : StandardError;
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault() ?? $"exit code {ExitCode}";
    }
}

// Runs the PostgreSQL tools, as another account through runuser when the cluster belongs to one.
internal static class ExternalCommand
{
    public static async Task<CommandResult> RunAsync(
        string? runAs, string fileName, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo
        {
            FileName = runAs is null ? fileName : "runuser",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            // The service account may not be able to enter our working folder (e.g. /root).
            WorkingDirectory = runAs is null ? Environment.CurrentDirectory : "/",
        };
        if (runAs is not null)
        {
            // runuser (util-linux) execs the command directly: no shell, no quoting problems.
            foreach (string part in new[] { "-u", runAs, "--", fileName })
            {
                startInfo.ArgumentList.Add(part);
            }
        }

        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = StartOrExplain(startInfo);
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new LocalPostgresException(
                $"{Path.GetFileName(fileName)} did not finish within {timeout.TotalSeconds:0} s", Describe(startInfo));
        }

        return new CommandResult(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }

    public static async Task<CommandResult> RunCheckedAsync(
        string? runAs, string fileName, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        CommandResult result = await RunAsync(runAs, fileName, arguments, timeout, cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? result
            : throw new LocalPostgresException(
                $"{Path.GetFileName(fileName)} failed: {result.LastLine()}",
                $"{Describe(runAs, fileName, arguments)} exited with {result.ExitCode}{Environment.NewLine}{result.StandardError}{result.StandardOutput}");
    }

    public static string Describe(string? runAs, string fileName, IReadOnlyList<string> arguments) =>
        (runAs is null ? "" : $"runuser -u {runAs} -- ") + string.Join(' ', arguments.Prepend(fileName));

    private static string Describe(ProcessStartInfo startInfo) =>
        string.Join(' ', startInfo.ArgumentList.Prepend(startInfo.FileName));

    private static Process StartOrExplain(ProcessStartInfo startInfo)
    {
        try
        {
            return Process.Start(startInfo)
                ?? throw new LocalPostgresException($"Could not start {startInfo.FileName}");
        }
        catch (Win32Exception ex)
        {
            string hint = startInfo.FileName == "runuser" ? " (install util-linux)" : "";
            throw new LocalPostgresException(
                $"Could not run {startInfo.FileName}{hint}: {ex.Message}", Describe(startInfo), ex);
        }
    }
}
