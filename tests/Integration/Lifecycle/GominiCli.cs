using System.Text.Json.Nodes;
using GoMini.Integration.Support;

namespace GoMini.Integration.Lifecycle;

/// <summary>
/// gomini's lifecycle commands under a private --root, with output in files: a created container
/// inherits create's stdio (as with runc), so a pipe would stay open until the container ends.
/// </summary>
public sealed class GominiCli(GominiFixture fixture)
{
    public string Root { get; } = Directory.CreateDirectory(Path.Combine(fixture.WorkDir, "root-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    public ProcessResult Run(params string[] args) => RunWithInput(null, args);

    public ProcessResult RunWithInput(string? stdinFile, params string[] args)
    {
        var output = Path.Combine(Root, ".out");
        var errors = Path.Combine(Root, ".err");
        var input = stdinFile ?? "/dev/null";
        var result = Shell.Run("/bin/sh", ["-c", $"exec \"$0\" \"$@\" <{input} >{output} 2>{errors}", fixture.Binary, "--root", Root, .. args],
            TimeSpan.FromSeconds(30));
        return new ProcessResult(result.ExitCode, File.ReadAllText(output), File.ReadAllText(errors));
    }

    public string Status(string id) => JsonNode.Parse(Run("state", id).Stdout)!["status"]!.GetValue<string>();

    public int Pid(string id) => JsonNode.Parse(Run("state", id).Stdout)!["pid"]!.GetValue<int>();

    /// <summary>The v1 cgroup directory of <paramref name="pid"/> for a controller, from /proc/pid/cgroup.</summary>
    public static string CgroupOf(int pid, string controller)
    {
        foreach (var line in File.ReadAllLines($"/proc/{pid}/cgroup"))
        {
            var parts = line.Split(':', 3);
            if (parts.Length == 3 && parts[1].Split(',').Contains(controller))
                return $"/sys/fs/cgroup/{parts[1]}{parts[2]}";
        }
        throw new InvalidOperationException($"process {pid} has no {controller} cgroup");
    }
}
