namespace GoMini.Effects.Native;

/// <summary>
/// A failed system call, told the way crun tells it: "mount `/proc`: EPERM (Operation not permitted)".
/// Effects throw it; the interpreter turns it into one line for the user.
/// </summary>
public sealed class SyscallException(string syscall, string path, int errno)
    : Exception($"{syscall} `{path}`: {Native.Errno.Describe(errno)}")
{
    public string Syscall { get; } = syscall;
    public string Path { get; } = path;
    public int Errno { get; } = errno;
}
