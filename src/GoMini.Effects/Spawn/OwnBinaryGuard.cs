using GoMini.Domain.Linux;
using GoMini.Effects.Native;

namespace GoMini.Effects.Spawn;

/// <summary>
/// CVE-2019-5736: a gomini process inside a container's pid namespace (the init before its exec, an
/// exec-init) must not expose a writable host binary through /proc/&lt;pid&gt;/exe, or the container
/// could reopen it for writing once gomini is gone and overwrite it. As runc 1.2 does, gomini's binary
/// is bound read-only onto itself in the child's new mount namespace (made private first, so nothing
/// reaches the host) before it is spawned from there: the child's exe lives on a read-only mount, and
/// opening it for writing fails with EROFS, in the container or on the host. For run/create that
/// namespace is the container's own; an exec-init gets a private one, then joins the container's
/// itself (its exe keeps the read-only mount). Three mount calls instead of copying the 12 MB binary
/// into a sealed memfd (8-15 ms per start, measured here).
/// </summary>
internal static class OwnBinaryGuard
{
    /// <summary>Runs on the spawning thread, in the child's new mount namespace.</summary>
    public static void Protect()
    {
        var self = Environment.ProcessPath;
        // Under the JIT the binary is `dotnet`, shared by everything: nothing of gomini's own to protect.
        if (self is null || Path.GetFileName(self) == "dotnet") return;
        Libc.Check(Libc.Mount(null, "/", null, MountFlags.Rec | MountFlags.Private, null), "mount", "/ (MS_REC|MS_PRIVATE)");
        Libc.Check(Libc.Mount(self, self, null, MountFlags.Bind, null), "mount", self);
        Libc.Check(Libc.Mount(null, self, null, MountFlags.Bind | MountFlags.Remount | MountFlags.ReadOnly, null), "mount", $"{self} (read-only)");
    }
}
