namespace GoMini.Domain.Spec;

/// <summary>JSON paths as errors print them: `process.args`, `linux.namespaces[2].type`.</summary>
public static class JsonPath
{
    /// <summary>System.Text.Json writes `$.process.args[0]`; users read `process.args[0]`.</summary>
    public static string FromJsonException(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    public static string Index(string path, int index) => $"{path}[{index}]";

    public static string Key(string path, string key) => $"{path}.\"{key}\"";
}
