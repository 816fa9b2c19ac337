using GoMini.Effects.Native;

namespace GoMini.Effects.Lifecycle;

/// <summary>
/// An exclusive flock on a directory, the lock of a container's state directory and of the cgroup
/// ledger: the returned fd holds it, and closing it (the last close) releases it.
/// </summary>
public static class DirectoryLock
{
    /// <summary>Opens <paramref name="directory"/> and waits for LOCK_EX (retrying EINTR); the fd is closed if locking fails.</summary>
    public static int Take(string directory)
    {
        var fd = Libc.Check(Libc.open(directory, Libc.O_RDONLY | Libc.O_CLOEXEC | LifecycleNative.O_DIRECTORY, 0), "open", directory);
        while (LifecycleNative.flock(fd, LifecycleNative.LOCK_EX) < 0)
        {
            if (LifecycleNative.Errno == Libc.EINTR) continue;
            var errno = LifecycleNative.Errno;
            Libc.close(fd);
            throw new SyscallException("flock", directory, errno);
        }
        return fd;
    }
}
