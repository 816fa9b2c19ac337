namespace GoMini.Domain.Planning;

/// <summary>Pure path arithmetic: the rootfs location and container paths that cannot climb out of /.</summary>
public static class Paths
{
    /// <summary>root.path made absolute against the bundle, as the OCI spec says.</summary>
    public static string Rootfs(PlanInput input)
    {
        var root = input.Spec.Root?.Path ?? "rootfs";
        return root.StartsWith('/') ? Normalize(root) : Normalize($"{input.Facts.BundlePath}/{root}");
    }

    /// <summary>A host path given relative to the bundle (bind sources, hook paths) made absolute.</summary>
    public static string FromBundle(PlanInput input, string path) =>
        path.StartsWith('/') ? path : Normalize($"{input.Facts.BundlePath}/{path}");

    /// <summary>
    /// Collapses ".", ".." and repeated slashes as if the path were rooted at "/": ".." at the top
    /// stays at "/", so a normalised container path always lies inside the container's root.
    /// </summary>
    public static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(part);
        }
        return "/" + string.Join('/', parts);
    }
}
