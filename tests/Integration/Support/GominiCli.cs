using System.Text.Json.Nodes;

namespace GoMini.Integration.Support;

/// <summary>
/// gomini under a private --root, with stdin, stdout and stderr in files: a created or detached
/// container inherits gomini's stdio (as with runc), so a pipe would stay open until the container
/// ends and a reader would wait for it.
/// </summary>
public sealed class GominiCli(GominiFixture fixture, string binary)
{
    public GominiCli(GominiFixture fixture) : this(fixture, fixture.Binary) { }

    public string Root { get; } = Directory.CreateDirectory(Path.Combine(fixture.WorkDir, "root-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    /// <summary>How long one command may take before it is killed and the test fails.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public ProcessResult Run(params string[] args) => Invoke("", "/dev/null", args);

    public ProcessResult RunWithInput(string? stdinFile, params string[] args) => Invoke("", stdinFile ?? "/dev/null", args);

    /// <summary>
    /// gomini started by a shell that first runs <paramref name="redirections"/> (e.g. `exec 3&lt;file`),
    /// so gomini inherits those fds as a caller like systemd or conmon would pass them.
    /// </summary>
    public ProcessResult RunAfter(string redirections, params string[] args) => Invoke(redirections, "/dev/null", args);

    public string Status(string id) => JsonNode.Parse(Run("state", id).Stdout)!["status"]!.GetValue<string>();

    public int Pid(string id) => JsonNode.Parse(Run("state", id).Stdout)!["pid"]!.GetValue<int>();

    /// <summary>
    /// Each call writes to files of its own, removed once read: a detached process still holds the
    /// files of the call that started it and could otherwise write into a later call's output.
    /// </summary>
    private ProcessResult Invoke(string redirections, string input, string[] args)
    {
        var name = Guid.NewGuid().ToString("N")[..8];
        var output = Path.Combine(Root, $".out-{name}");
        var errors = Path.Combine(Root, $".err-{name}");
        try
        {
            var result = Shell.Run("/bin/sh", ["-c", $"{redirections}\nexec \"$0\" \"$@\" <{input} >{output} 2>{errors}", binary, "--root", Root, .. args],
                Timeout);
            return new ProcessResult(result.ExitCode, File.ReadAllText(output), File.ReadAllText(errors));
        }
        finally
        {
            File.Delete(output);
            File.Delete(errors);
        }
    }

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
