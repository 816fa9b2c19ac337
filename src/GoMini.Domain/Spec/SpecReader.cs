using System.Text.Json;
using GoMini.Domain.Plan;
using LanguageExt;

namespace GoMini.Domain.Spec;

/// <summary>Turns config.json text into a <see cref="RuntimeSpec"/>, or one error with line and position.</summary>
public static class SpecReader
{
    public static Validation<PlanError, RuntimeSpec> Parse(string json, string file = "config.json")
    {
        try
        {
            var spec = JsonSerializer.Deserialize(json, SpecJsonContext.Default.RuntimeSpec);
            return spec is null
                ? new PlanError(file, "must be a JSON object, not null")
                : spec;
        }
        catch (JsonException e)
        {
            // System.Text.Json counts lines and bytes from 0; editors count from 1.
            var where = e.LineNumber is { } line ? $"line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1}" : "";
            var at = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? file : JsonPath.FromJsonException(e.Path);
            return new PlanError(at, $"{FirstSentence(e.Message)}{(where.Length > 0 ? $" ({file} {where})" : "")}");
        }
    }

    // The exception message repeats path and position after the first sentence; keep one line.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = cut > 0 ? message[..cut] : message;
        return text.TrimEnd('.').Replace("System.", "", StringComparison.Ordinal);
    }
}
