using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoMini.Domain.Spec;

/// <summary>Source-generated JSON metadata for config.json, so NativeAOT needs no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(RuntimeSpec))]
[JsonSerializable(typeof(ProcessSpec))]
[JsonSerializable(typeof(ResourcesSpec))]
public sealed partial class SpecJsonContext : JsonSerializerContext;
