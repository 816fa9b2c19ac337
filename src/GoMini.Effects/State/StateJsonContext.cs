using System.Text.Json.Serialization;

namespace GoMini.Effects.State;

/// <summary>Source-generated JSON for the state file and the `state`/`list` output (NativeAOT: no reflection).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(ContainerState))]
[JsonSerializable(typeof(StateView))]
[JsonSerializable(typeof(StateView[]))]
[JsonSerializable(typeof(int[]))]
public sealed partial class StateJsonContext : JsonSerializerContext;
