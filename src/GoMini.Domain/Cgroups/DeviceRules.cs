using GoMini.Domain.Spec;
using LanguageExt;

namespace GoMini.Domain.Cgroups;

/// <summary>
/// The v1 devices cgroup writes, as runc makes them: deny everything ("a"), then the config's
/// rules in order, then allow the device nodes the config creates, then the devices every
/// container needs (null, zero, full, random, urandom, tty, ptmx, pts, tun, and mknod of any).
/// </summary>
public static class DeviceRules
{
    /// <summary>runc's default allowed devices (libcontainer/specconv AllowedDevices).</summary>
    public static readonly Seq<string> Defaults = Prelude.Seq(
        "c *:* m", "b *:* m",
        "c 1:3 rwm", "c 1:8 rwm", "c 1:7 rwm", "c 5:0 rwm", "c 1:5 rwm", "c 1:9 rwm",
        "c 136:* rwm", "c 5:2 rwm", "c 10:200 rwm");

    public static Seq<CgroupWrite> V1(ResourceRequest request)
    {
        var writes = Prelude.Seq1(new CgroupWrite("devices", "devices.deny", "a",
            request.Resources.Devices is { Count: > 0 } ? "linux.resources.devices" : "default devices", "deny all, then allow what the container needs"));
        foreach (var (d, i) in (request.Resources.Devices ?? []).Select((d, i) => (d, i)))
            writes = writes.Add(new CgroupWrite("devices", d.Allow == true ? "devices.allow" : "devices.deny",
                Rule(d.Type, d.Major, d.Minor, d.Access), $"linux.resources.devices[{i}]"));
        foreach (var (n, i) in request.DeviceNodes.Select((n, i) => (n, i)))
            if (n.Type is "c" or "b" or "u" && n.Major is not null && n.Minor is not null)
                writes = writes.Add(new CgroupWrite("devices", "devices.allow",
                    Rule(n.Type == "u" ? "c" : n.Type, n.Major, n.Minor, "rwm"), $"linux.devices[{i}]", "the container creates it"));
        return writes.Then(Defaults.Map(rule => new CgroupWrite("devices", "devices.allow", rule, "default devices", "as runc allows")));
    }

    /// <summary>"type major:minor access"; "a" alone for all devices of all types.</summary>
    public static string Rule(string? type, long? major, long? minor, string? access)
    {
        var t = type ?? "a";
        if (t == "a" && major is null or -1 && minor is null or -1 && access is null or "rwm") return "a";
        return $"{t} {Number(major)}:{Number(minor)} {access ?? "rwm"}";
    }

    private static string Number(long? n) => n is null or -1 ? "*" : n.Value.ToString();
}
