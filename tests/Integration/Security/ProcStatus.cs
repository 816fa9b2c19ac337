using System.Globalization;
using System.Text.Json.Nodes;
using GoMini.Domain.Linux;

namespace GoMini.Integration.Security;

/// <summary>Reads the capability masks and flags of a /proc/&lt;pid&gt;/status text, and builds the masks tests expect.</summary>
public static class ProcStatus
{
    public static string Field(string status, string name) =>
        status.Split('\n').Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0] == name)
            .Select(p => p[1].Trim()).FirstOrDefault()
        ?? throw new InvalidOperationException($"no {name} in:\n{status}");

    public static ulong Mask(string status, string name) =>
        ulong.Parse(Field(status, name), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    public static ulong MaskOf(params string[] capabilities) =>
        capabilities.Aggregate(0UL, (mask, cap) => mask | 1UL << Capabilities.Number(cap).IfNone(() => throw new ArgumentException(cap)));

    /// <summary>The same capability list in every set the config names (ambient only when asked).</summary>
    public static JsonObject CapabilitiesObject(string[] caps, bool inheritableAndAmbient = false)
    {
        JsonArray List() => new(caps.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray());
        var obj = new JsonObject { ["bounding"] = List(), ["effective"] = List(), ["permitted"] = List() };
        if (inheritableAndAmbient)
        {
            obj["inheritable"] = List();
            obj["ambient"] = List();
        }
        return obj;
    }

    /// <summary>gomini's own bounding set is the test's (the test runs gomini): what this host can give at all.</summary>
    public static ulong HostBounding => Mask(File.ReadAllText("/proc/self/status"), "CapBnd");
}
