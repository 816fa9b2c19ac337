namespace GoMini.Integration.Support;

/// <summary>Where things are: the repository root (the directory holding GoMini.sln) and its scripts.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string MakeRootfsScript => Path.Combine(Root, "examples", "make-rootfs.sh");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GoMini.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"no GoMini.sln above {AppContext.BaseDirectory}");
    }
}
