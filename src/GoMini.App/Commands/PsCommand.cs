using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using GoMini.App.Cli;
using GoMini.Effects.Lifecycle;
using GoMini.Effects.State;

namespace GoMini.App.Commands;

/// <summary>`gomini ps ID [ps args]`: the container's processes; json is an array of host pids, table is ps(1)'s.</summary>
public static class PsCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("container-id") { Description = "the container" };
        var psArgs = new Argument<string[]>("ps-args") { Description = "arguments for ps(1) (default -ef)", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format", "-f") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("ps", "list the processes running inside a container");
        command.Arguments.Add(id);
        command.Arguments.Add(psArgs);
        command.Options.Add(format);
        command.SetAction(result => Lifecycle.Guard(() =>
        {
            var pids = Operations.Ps(GlobalFlags.Store(result), result.GetValue(id)!);
            if (result.GetValue(format) == "json")
            {
                Console.Out.Write(JsonSerializer.Serialize(pids.ToArray(), StateJsonContext.Default.Int32Array) + "\n");
                return 0;
            }
            var extra = result.GetValue(psArgs) is { Length: > 0 } a ? a : ["-ef"];
            return Table(pids, extra.Concat(CommandTail.Args).ToArray());
        }));
        return command;
    }

    /// <summary>Runs ps(1) and keeps its header and the lines of the container's pids (found by the PID column).</summary>
    private static int Table(IReadOnlyList<int> pids, string[] args)
    {
        var start = new ProcessStartInfo("ps") { RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var ps = Process.Start(start) ?? throw new LifecycleException("ps could not be started");
        var lines = ps.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        ps.WaitForExit();
        if (ps.ExitCode != 0 || lines.Length == 0)
            throw new LifecycleException($"ps {string.Join(' ', args)} failed with exit status {ps.ExitCode}");
        var column = Array.IndexOf(lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries), "PID");
        if (column < 0) throw new LifecycleException("ps output has no PID column");
        Console.Out.WriteLine(lines[0]);
        var wanted = pids.ToHashSet();
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > column && int.TryParse(fields[column], out var pid) && wanted.Contains(pid))
                Console.Out.WriteLine(line);
        }
        return 0;
    }
}
