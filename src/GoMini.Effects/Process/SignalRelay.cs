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
    private readonly object gate = new();
    private readonly List<int> pending = [];
    private bool armed;

    public SignalRelay(int pid)
    {
        registrations = new PosixSignalRegistration[Relayed.Length];
        for (var i = 0; i < Relayed.Length; i++)
        {
            var number = Relayed[i].Number;
            registrations[i] = PosixSignalRegistration.Create(Relayed[i].Signal, context =>
            {
                context.Cancel = true;
                lock (gate)
                {
                    if (armed) Libc.kill(pid, number);
                    else pending.Add(number);
                }
            });
        }
    }

    /// <summary>
    /// Called once the container process runs: a signal that came earlier reached the init child,
    /// which as PID 1 without a handler would ignore it, so it was kept until now.
    /// </summary>
    public void Arm(int pid)
    {
        lock (gate)
        {
            armed = true;
            foreach (var number in pending)
                Libc.kill(pid, number);
            pending.Clear();
        }
    }

    public void Dispose()
    {
        foreach (var registration in registrations)
            registration.Dispose();
    }
}
