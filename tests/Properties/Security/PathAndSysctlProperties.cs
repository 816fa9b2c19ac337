using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using static GoMini.Properties.Security.SecurityGen;

namespace GoMini.Properties.Security;

public class PathAndSysctlProperties
{
    private static readonly (string Key, string? Namespace)[] Keys =
    [
        ("net.ipv4.ip_forward", "network"), ("net.core.somaxconn", "network"), ("kernel.shmmax", "ipc"),
        ("kernel.msgmax", "ipc"), ("kernel.sem", "ipc"), ("fs.mqueue.queues_max", "ipc"),
        ("kernel.hostname", "uts"), ("kernel.domainname", "uts"), ("vm.swappiness", null),
        ("kernel.panic", null), ("fs.file-max", null), ("kernel.pid_max", null),
    ];

    [Property(MaxTest = 100)]
    public Property A_namespaced_sysctl_is_accepted_iff_its_namespace_exists() =>
        Prop.ForAll(Gen.SubListOf(Keys).Zip(Gen.SubListOf(new[] { "network", "ipc", "uts", "pid", "mount" })).ToArbitrary(), t =>
        {
            var (keys, namespaces) = t;
            var spec = new RuntimeSpec
            {
                Process = new ProcessSpec { Args = ["/bin/sh"] },
                Linux = new LinuxSpec
                {
                    Namespaces = namespaces.Select(n => new NamespaceSpec { Type = n }).ToArray(),
                    Sysctl = keys.ToDictionary(k => k.Key, _ => "1"),
                },
            };
            var refused = keys.Where(k => k.Namespace is null || !namespaces.Contains(k.Namespace))
                .Select(k => $"linux.sysctl.\"{k.Key}\"").OrderBy(p => p, StringComparer.Ordinal).ToList();
            return Plan(spec).Match(
                plan => refused.Count == 0
                    && plan.AfterPivot.OfType<WriteSysctl>().Select(s => s.Key).SequenceEqual(keys.Select(k => k.Key).OrderBy(k => k, StringComparer.Ordinal)),
                errors => errors.Select(e => e.Path).OrderBy(p => p, StringComparer.Ordinal).SequenceEqual(refused)
                    && errors.ForAll(e => e.Message.Contains("refusing to change the host")));
        });

    [Property(MaxTest = 100)]
    public Property Every_relative_masked_or_readonly_path_is_reported_with_its_index() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements("/proc/kcore", "proc/keys", "/sys/firmware", "relative", "")).Two().ToArbitrary(), t =>
        {
            var (masked, ro) = t;
            var spec = new RuntimeSpec
            {
                Process = new ProcessSpec { Args = ["/bin/sh"] },
                Linux = new LinuxSpec { MaskedPaths = masked, ReadonlyPaths = ro },
            };
            var expected = ro.Select((p, i) => (p, path: $"linux.readonlyPaths[{i}]"))
                .Concat(masked.Select((p, i) => (p, path: $"linux.maskedPaths[{i}]")))
                .Where(x => !x.p.StartsWith('/')).Select(x => x.path).ToList();
            return Plan(spec).Match(
                plan => expected.Count == 0
                    && plan.AfterPivot.OfType<MaskPath>().Select(m => m.Path).SequenceEqual(masked)
                    && plan.AfterPivot.OfType<RemountReadonly>().Select(m => m.Path).SequenceEqual(ro),
                errors => errors.Select(e => e.Path).SequenceEqual(expected));
        });

    private static readonly Gen<DeviceSpec> Devices =
        from type in Gen.Elements<string?>("c", "b", "u", "p", "x", null)
        from path in Gen.Elements<string?>("/dev/fuse", "dev/null", null)
        from major in Gen.Elements<long?>(null, 1, -1, 10)
        from minor in Gen.Elements<long?>(null, 3, 229)
        from mode in Gen.Elements<uint?>(null, 0x1B6 /*0666*/, 0x21B6 /*S_IFCHR|0666*/, 0x61B6 /*S_IFBLK|0666*/, 0x11B6 /*S_IFIFO|0666*/)
        select new DeviceSpec { Type = type, Path = path, Major = major, Minor = minor, FileMode = mode };

    [Property(MaxTest = 100)]
    public Property A_device_is_accepted_iff_its_type_path_numbers_and_mode_agree() =>
        Prop.ForAll(Devices.ToArbitrary(), device =>
        {
            var spec = new RuntimeSpec { Process = new ProcessSpec { Args = ["/bin/sh"] }, Linux = new LinuxSpec { Devices = [device] } };
            var typeOk = device.Type is "c" or "b" or "u" or "p";
            var pathOk = device.Path is { } p && p.StartsWith('/');
            var numbersOk = device.Type is "p" || !typeOk || (device.Major is >= 0 && device.Minor is >= 0);
            var typeBits = (device.FileMode ?? 0) & 0xF000;
            var modeOk = typeBits == 0 || typeBits == device.Type switch { "c" or "u" => 0x2000u, "b" => 0x6000u, "p" => 0x1000u, _ => 0u };
            var valid = typeOk && pathOk && numbersOk && modeOk;
            return Errors(spec).IsEmpty == valid;
        });
}
