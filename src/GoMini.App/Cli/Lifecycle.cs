using GoMini.Effects.Native;
using GoMini.Effects.State;

namespace GoMini.App.Cli;

/// <summary>How every lifecycle command ends: its work, or one `gomini: ...` line and runc's exit code 1.</summary>
public static class Lifecycle
{
    public static int Guard(Func<int> action)
    {
        try { return action(); }
        catch (LifecycleException e) { return Fail(e.Message); }
        catch (SyscallException e) { return Fail($"{e.Syscall} {e.Path}: {Errno.Describe(e.Errno)}"); }
        catch (IOException e) { return Fail(e.Message); }
        catch (UnauthorizedAccessException e) { return Fail(e.Message); }
    }

    public static int Guard(Action action) => Guard(() => { action(); return 0; });

    public static int Fail(string message)
    {
        Console.Error.WriteLine("gomini: " + message);
        return 1;
    }
}
