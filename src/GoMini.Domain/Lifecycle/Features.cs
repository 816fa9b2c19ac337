using System.Text;
using System.Text.Json;
using GoMini.Domain.Linux;

namespace GoMini.Domain.Lifecycle;

/// <summary>`gomini features`: what this runtime supports, in the runtime-spec's features.json shape (as runc prints it).</summary>
public static class Features
{
    public static readonly string[] MountOptions =
    [
        "async", "atime", "bind", "defaults", "dev", "diratime", "dirsync", "exec", "lazytime", "mand", "noatime",
        "nodev", "nodiratime", "noexec", "nolazytime", "nomand", "norelatime", "nostrictatime", "nosuid",
        "nosymfollow", "private", "rbind", "relatime", "remount", "ro", "rprivate", "rshared", "rslave",
        "runbindable", "rw", "shared", "slave", "strictatime", "suid", "symfollow", "sync", "unbindable",
    ];

    public static string Json(string ociVersionMax)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("ociVersionMin", "1.0.0");
            json.WriteString("ociVersionMax", ociVersionMax);
            Strings(json, "hooks", ["prestart", "createRuntime", "createContainer", "startContainer", "poststart", "poststop"]);
            Strings(json, "mountOptions", MountOptions);
            json.WriteStartObject("linux");
            Strings(json, "namespaces", ["cgroup", "ipc", "mount", "network", "pid", "time", "uts"]);
            Strings(json, "capabilities", Capabilities.All);
            json.WriteStartObject("cgroup");
            json.WriteBoolean("v1", true);
            json.WriteBoolean("v2", true);
            json.WriteBoolean("systemd", false);
            json.WriteBoolean("systemdUser", false);
            json.WriteEndObject();
            json.WriteStartObject("seccomp");
            json.WriteBoolean("enabled", true);
            Strings(json, "actions", ["SCMP_ACT_ALLOW", "SCMP_ACT_ERRNO", "SCMP_ACT_KILL", "SCMP_ACT_KILL_PROCESS", "SCMP_ACT_KILL_THREAD", "SCMP_ACT_LOG", "SCMP_ACT_TRACE", "SCMP_ACT_TRAP"]);
            Strings(json, "operators", ["SCMP_CMP_EQ", "SCMP_CMP_GE", "SCMP_CMP_GT", "SCMP_CMP_LE", "SCMP_CMP_LT", "SCMP_CMP_MASKED_EQ", "SCMP_CMP_NE"]);
            Strings(json, "archs", ["SCMP_ARCH_X86_64"]);
            json.WriteEndObject();
            json.WriteStartObject("apparmor");
            json.WriteBoolean("enabled", false);
            json.WriteEndObject();
            json.WriteStartObject("selinux");
            json.WriteBoolean("enabled", false);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("annotations");
            json.WriteString("org.opencontainers.runtime-spec.features.runtime", "gomini");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteStringValue(v);
        json.WriteEndArray();
    }
}
