using System.Runtime.InteropServices;

namespace Ltv.Host.Cli;

/// <summary>
/// Turns the first SIGINT (Ctrl+C) or SIGTERM into a cancellation that every command observes, so that a
/// batch in flight commits or rolls back cleanly and the command ends in its own time. A second signal
/// is left to the runtime and ends the process at once.
/// </summary>
public sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _received;

    public TerminationSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        ];
    }

    public CancellationToken Token => _cancel.Token;

    /// <summary>The exit code for a command stopped by a signal (128 + signal number, as shells expect).</summary>
    public int? ExitCode { get; private set; }

    private void Handle(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _received) > 1)
        {
            return;
        }

        context.Cancel = true;
        ExitCode = context.Signal == PosixSignal.SIGTERM ? 143 : 130;
        _cancel.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancel.Dispose();
    }
}
