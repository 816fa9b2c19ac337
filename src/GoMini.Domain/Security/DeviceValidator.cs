using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Security;

/// <summary>
/// Checks linux.devices (the rootfs planner creates them): type c, b, u or p; an absolute
/// path; major and minor for every type but p (a fifo has none); a fileMode whose type bits,
/// if any, agree with the type.
/// </summary>
public static class DeviceValidator
{
    private const uint TypeBits = 0xF000; // S_IFMT

    public static Validation<PlanError, Unit> Validate(RuntimeSpec spec) =>
        Accumulate.All((spec.Linux?.Devices ?? []).Select(Device)).Map(_ => unit);

    private static Validation<PlanError, Unit> Device(DeviceSpec device, int index)
    {
        var at = $"linux.devices[{index}]";
        var errors = new List<PlanError>();
        var type = device.Type;
        if (type is not ("c" or "b" or "u" or "p"))
            errors.Add(new PlanError($"{at}.type", type is null
                ? "is required (c, b, u or p)"
                : $"unknown device type \"{type}\" (c, b, u or p)"));
        PathProtectionPlanner.Absolute(device.Path, $"{at}.path").Match(_ => { }, es => errors.AddRange(es));
        if (type is "c" or "b" or "u")
        {
            errors.AddRange(Number(device.Major, $"{at}.major", type));
            errors.AddRange(Number(device.Minor, $"{at}.minor", type));
        }
        if (device.FileMode is { } mode && (mode & ~(TypeBits | 0xFFF)) != 0)
            errors.Add(new PlanError($"{at}.fileMode", $"{mode} is not a file mode"));
        else if (device.FileMode is { } m && (m & TypeBits) != 0 && (m & TypeBits) != TypeBitsOf(type))
            errors.Add(new PlanError($"{at}.fileMode", $"its file type bits (0{Convert.ToString(m & TypeBits, 8)}) disagree with type \"{type}\"; give the permission bits only"));
        return Accumulate.Errors(errors);
    }

    private static PlanError[] Number(long? value, string path, string type) =>
        value switch
        {
            null => [new PlanError(path, $"is required for a device of type {type}")],
            < 0 or > uint.MaxValue => [new PlanError(path, $"{value} is outside 0..{uint.MaxValue}")],
            _ => [],
        };

    private static uint TypeBitsOf(string? type) =>
        type switch
        {
            "c" or "u" => 0x2000, // S_IFCHR
            "b" => 0x6000,        // S_IFBLK
            "p" => 0x1000,        // S_IFIFO
            _ => 0,
        };
}
