using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using LanguageExt;

namespace GoMini.Domain.Plan;

/// <summary>
/// Writes a <see cref="Seq{T}"/> as a JSON array and reads it back. Closed per element type in
/// <see cref="PlanJsonContext"/>, so the element metadata comes from the source generator.
/// </summary>
public sealed class SeqJsonConverter<T> : JsonConverter<Seq<T>>
{
    public override Seq<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException("expected an array");
        var element = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            items.Add(JsonSerializer.Deserialize(ref reader, element)!);
        return items.ToSeq().Strict();
    }

    public override void Write(Utf8JsonWriter writer, Seq<T> value, JsonSerializerOptions options)
    {
        var element = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (var item in value)
            JsonSerializer.Serialize(writer, item, element);
        writer.WriteEndArray();
    }
}
