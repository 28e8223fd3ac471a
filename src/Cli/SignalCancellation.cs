using System.Runtime.InteropServices;
using GmmGpu.Files;

namespace GmmGpu.Cli;

/// <summary>
/// Ctrl+C (SIGINT), SIGTERM and SIGHUP cancel the command: it unwinds, its unfinished outputs
/// delete their temporary files, and the process exits 128 + the signal's number (130, 143,
/// 129). A command that has not stopped <see cref="Grace"/> later (a step that does not look
/// at the token), or a second signal, ends the process at once, after deleting every temporary
/// file still open: no signal leaves one behind, and no output is replaced half-written.
/// </summary>
internal sealed class SignalCancellation : IDisposable
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource source = new();
    private readonly PosixSignalRegistration[] registrations;
    private int received;

    public SignalCancellation()
    {
        registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, Handle),
        ];
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => source.Token;

    /// <summary>
    /// The process's exit code: the command's, or 128 + the signal's number when a signal
    /// stopped it (a command that finished its work anyway keeps its 0).
    /// </summary>
    public int ExitCode(int commandCode) =>
        Volatile.Read(ref received) is var signal and > 0 && commandCode != 0
            ? 128 + signal
            : commandCode;

    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in registrations)
        {
            registration.Dispose();
        }

        source.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        int number = context.Signal switch
        {
            PosixSignal.SIGHUP => 1,
            PosixSignal.SIGINT => 2,
            _ => 15,
        };
        if (Interlocked.CompareExchange(ref received, number, 0) != 0)
        {
            End();
            return;
        }

        source.Cancel();
        _ = Task.Delay(Grace).ContinueWith(_ => End(), TaskScheduler.Default);
    }

    private void End()
    {
        OutputFile.DeletePending();
        Console.Error.WriteLine("gmm: cancelled");
        Environment.Exit(128 + Volatile.Read(ref received));
    }
}
