namespace GoMini.Effects.Filesystem;

/// <summary>The errno values the filesystem steps react to (asm-generic/errno-base.h).</summary>
internal static class ErrnoCode
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int EEXIST = 17;
    public const int ENOTDIR = 20;
    public const int EINVAL = 22;
    public const int ELOOP = 40;
}
