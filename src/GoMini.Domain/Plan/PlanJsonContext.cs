using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoMini.Domain.Plan;

/// <summary>Source-generated JSON for plans: `explain --format json` and the init child's steps.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = false,
    Converters = [
        typeof(SeqJsonConverter<Step>), typeof(SeqJsonConverter<string>), typeof(SeqJsonConverter<uint>),
        typeof(SeqJsonConverter<NamespaceKind>), typeof(SeqJsonConverter<NamespaceJoin>)])]
[JsonSerializable(typeof(ContainerPlan))]
[JsonSerializable(typeof(Step))]
[JsonSerializable(typeof(Step[]))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(uint))]
[JsonSerializable(typeof(NamespaceKind))]
[JsonSerializable(typeof(NamespaceJoin))]
public sealed partial class PlanJsonContext : JsonSerializerContext;
