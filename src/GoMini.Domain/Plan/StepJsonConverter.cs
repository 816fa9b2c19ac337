using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace GoMini.Domain.Plan;

/// <summary>
/// Writes a step as one JSON object whose first property "op" names its kind, and reads it back.
/// Hand-written rather than [JsonPolymorphic]: the NativeAOT build compiles without ILC's IL scanner
/// (see GoMini.App.csproj), and attribute-driven polymorphism then lost every derived property.
/// </summary>
public sealed class StepJsonConverter : JsonConverter<Step>
{
    /// <summary>Every step kind and its name in JSON: the closed set of the plan.</summary>
    public static readonly (string Op, Type Type)[] Kinds =
    [
        ("createCgroup", typeof(CreateCgroup)),
        ("writeCgroupFile", typeof(WriteCgroupFile)),
        ("spawnInit", typeof(SpawnInit)),
        ("joinCgroup", typeof(JoinCgroup)),
        ("runHook", typeof(RunHook)),
        ("releaseInit", typeof(ReleaseInit)),
        ("waitForExit", typeof(WaitForExit)),
        ("removeCgroup", typeof(RemoveCgroup)),
        ("unshareNamespace", typeof(UnshareNamespace)),
        ("joinNamespace", typeof(JoinNamespace)),
        ("bringUpLoopback", typeof(BringUpLoopback)),
        ("setMountPropagation", typeof(SetMountPropagation)),
        ("bindRootfs", typeof(BindRootfs)),
        ("mount", typeof(MountFilesystem)),
        ("remount", typeof(Remount)),
        ("makeDevice", typeof(MakeDevice)),
        ("symlink", typeof(MakeSymlink)),
        ("pivotRoot", typeof(PivotRoot)),
        ("chroot", typeof(ChangeRoot)),
        ("maskPath", typeof(MaskPath)),
        ("remountReadonly", typeof(RemountReadonly)),
        ("setHostname", typeof(SetHostname)),
        ("setDomainname", typeof(SetDomainname)),
        ("writeSysctl", typeof(WriteSysctl)),
        ("setRlimit", typeof(SetRlimit)),
        ("setOomScoreAdj", typeof(SetOomScoreAdj)),
        ("setPersonality", typeof(SetPersonality)),
        ("setNoNewPrivileges", typeof(SetNoNewPrivileges)),
        ("keepCapabilities", typeof(KeepCapabilities)),
        ("setGroups", typeof(SetGroups)),
        ("setUser", typeof(SetUser)),
        ("dropBoundingCapabilities", typeof(DropBoundingCapabilities)),
        ("setCapabilities", typeof(SetCapabilities)),
        ("raiseAmbientCapabilities", typeof(RaiseAmbientCapabilities)),
        ("setUmask", typeof(SetUmask)),
        ("chdir", typeof(ChangeDirectory)),
        ("loadSeccompFilter", typeof(LoadSeccompFilter)),
        ("waitForStart", typeof(WaitForStart)),
        ("exec", typeof(ExecProcess)),
    ];

    private static readonly Dictionary<string, Type> ByOp = Kinds.ToDictionary(k => k.Op, k => k.Type);
    private static readonly Dictionary<Type, string> ByType = Kinds.ToDictionary(k => k.Type, k => k.Op);

    public override Step Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("op", out var op) || op.ValueKind != JsonValueKind.String)
            throw new JsonException("a step must be an object with an \"op\"");
        if (!ByOp.TryGetValue(op.GetString()!, out var type))
            throw new JsonException($"unknown step \"{op.GetString()}\"");
        return (Step)(root.Deserialize(options.GetTypeInfo(type)) ?? throw new JsonException("a step must not be null"));
    }

    public override void Write(Utf8JsonWriter writer, Step value, JsonSerializerOptions options)
    {
        var type = value.GetType();
        var element = JsonSerializer.SerializeToElement(value, options.GetTypeInfo(type));
        writer.WriteStartObject();
        writer.WriteString("op", ByType[type]);
        foreach (var property in element.EnumerateObject())
            property.WriteTo(writer);
        writer.WriteEndObject();
    }
}
