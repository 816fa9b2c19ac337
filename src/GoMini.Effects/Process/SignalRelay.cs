using System.Runtime.InteropServices;
using GoMini.Effects.Native;

namespace GoMini.Effects.Process;

/// <summary>
/// Forwards the signals a user or an engine sends `gomini run` to the container process instead of
/// letting them end gomini (which would leave the container and its cgroups behind).
/// </summary>
public sealed class SignalRelay : IDisposable
{
    // SIGHUP, SIGINT, SIGQUIT, SIGTERM have PosixSignal names; SIGUSR1 (10), SIGUSR2 (12) and
    // SIGWINCH (28) are passed as raw numbers, which PosixSignalRegistration accepts.
    private static readonly (PosixSignal Signal, int Number)[] Relayed =
    [
        (PosixSignal.SIGHUP, 1), (PosixSignal.SIGINT, 2), (PosixSignal.SIGQUIT, 3), (PosixSignal.SIGTERM, 15),
        ((PosixSignal)10, 10), ((PosixSignal)12, 12), ((PosixSignal)28, 28),
    ];

    private readonly PosixSignalRegistration[] registrations;

    public SignalRelay(int pid)
    {
        registrations = new PosixSignalRegistration[Relayed.Length];
        for (var i = 0; i < Relayed.Length; i++)
        {
            var number = Relayed[i].Number;
            registrations[i] = PosixSignalRegistration.Create(Relayed[i].Signal, context =>
            {
                context.Cancel = true;
                Libc.kill(pid, number);
            });
        }
    }

    public void Dispose()
    {
        foreach (var registration in registrations)
            registration.Dispose();
    }
}
