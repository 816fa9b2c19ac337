using GoMini.Integration.Support;

namespace GoMini.Integration.Filesystem;

/// <summary>Small helpers the filesystem tests share: a shell script as the container's command, mountinfo.</summary>
internal static class Container
{
    public static ProcessResult Sh(Bundle bundle, string script, params string[] runOptions)
    {
        bundle.Args("/bin/sh", "-c", script);
        return bundle.Run(runOptions);
    }

    /// <summary>The mount points (field 5) of a mountinfo text.</summary>
    public static IReadOnlyList<string> MountPoints(string mountinfo) =>
        mountinfo.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .Where(fields => fields.Length > 4)
            .Select(fields => fields[4])
            .ToList();

    /// <summary>The mountinfo line of one mount point, or null.</summary>
    public static string? MountLine(string mountinfo, string point) =>
        mountinfo.Split('\n').LastOrDefault(line => line.Split(' ') is { Length: > 4 } fields && fields[4] == point);
}
