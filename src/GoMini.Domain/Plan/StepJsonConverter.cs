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
        ("ensureCgroup", typeof(EnsureCgroup)),
        ("releaseCgroup", typeof(ReleaseCgroup)),
        ("runContainerHook", typeof(RunContainerHook)),
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
        ("setupConsole", typeof(SetupConsole)),
        ("waitForStart", typeof(WaitForStart)),
        ("exec", typeof(ExecProcess)),
    ];

    private static readonly Dictionary<string, Type> ByOp = Kinds.ToDictionary(k => k.Op, k => k.Type);
    private static readonly Dictionary<Type, string> ByType = Kinds.ToDictionary(k => k.Type, k => k.Op);

    /// <summary>
    /// Finds the "op" on a copy of the reader, then deserializes the step straight from the reader with
    /// its kind's metadata ("op" itself is an unknown property there, so skipped). No JsonDocument: the
    /// init child reads every step this way before it can start the container.
    /// </summary>
    public override Step Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("a step must be an object with an \"op\"");
        var op = FindOp(reader);
        if (!ByOp.TryGetValue(op, out var type))
            throw new JsonException($"unknown step \"{op}\"");
        return (Step)(JsonSerializer.Deserialize(ref reader, options.GetTypeInfo(type))
            ?? throw new JsonException("a step must not be null"));
    }

    /// <summary>The "op" of the object the reader is at; the reader is a copy, so the caller's stays put.</summary>
    private static string FindOp(Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
                throw new JsonException("a step must be an object with an \"op\"");
            var isOp = reader.ValueTextEquals("op"u8);
            reader.Read();
            if (isOp && reader.TokenType == JsonTokenType.String)
                return reader.GetString()!;
            if (isOp)
                break;
            reader.Skip();
        }
        throw new JsonException("a step must be an object with an \"op\"");
    }

    /// <summary>
    /// Writes the step with its kind's metadata and splices "op" in front of its properties: the same
    /// bytes as writing "op" and then each property, without building a JsonDocument per step.
    /// </summary>
    public override void Write(Utf8JsonWriter writer, Step value, JsonSerializerOptions options)
    {
        var type = value.GetType();
        if (writer.Options.Indented)
        {
            WriteThroughElement(writer, value, type, options);
            return;
        }
        var body = JsonSerializer.SerializeToUtf8Bytes(value, options.GetTypeInfo(type)); // {...}
        var op = System.Text.Encoding.UTF8.GetBytes(ByType[type]); // names are plain ASCII: nothing to escape
        var spliced = new byte[8 + op.Length + body.Length];
        var at = 0;
        "{\"op\":\""u8.CopyTo(spliced);
        at += 7;
        op.CopyTo(spliced, at);
        at += op.Length;
        spliced[at++] = (byte)'"';
        if (body.Length > 2)
            spliced[at++] = (byte)',';
        body.AsSpan(1).CopyTo(spliced.AsSpan(at));
        at += body.Length - 1;
        writer.WriteRawValue(spliced.AsSpan(0, at), skipInputValidation: true);
    }

    private static void WriteThroughElement(Utf8JsonWriter writer, Step value, Type type, JsonSerializerOptions options)
    {
        var element = JsonSerializer.SerializeToElement(value, options.GetTypeInfo(type));
        writer.WriteStartObject();
        writer.WriteString("op", ByType[type]);
        foreach (var property in element.EnumerateObject())
            property.WriteTo(writer);
        writer.WriteEndObject();
    }
}
