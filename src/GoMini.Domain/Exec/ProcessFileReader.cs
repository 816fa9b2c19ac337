using System.Text.Json;
using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using LanguageExt;

namespace GoMini.Domain.Exec;

/// <summary>The text of `exec --process FILE` (a runtime-spec Process object) as a <see cref="ProcessSpec"/>, or one error.</summary>
public static class ProcessFileReader
{
    public static Validation<PlanError, ProcessSpec> Parse(string json, string file)
    {
        try
        {
            return JsonSerializer.Deserialize(json, SpecJsonContext.Default.ProcessSpec) is { } process
                ? process
                : new PlanError($"--process {file}", "must be a JSON object, not null");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1})" : "";
            var cut = e.Message.IndexOf(" Path:", StringComparison.Ordinal);
            return new PlanError($"--process {file}", (cut > 0 ? e.Message[..cut] : e.Message).TrimEnd('.') + where);
        }
    }
}
