using System.CommandLine;
using System.Text;
using System.Text.Json;
using GoMini.App.Cli;
using GoMini.Effects.Lifecycle;
using GoMini.Effects.State;

namespace GoMini.App.Commands;

/// <summary>`gomini list`: the containers under --root, as runc's table, json, or ids only (-q).</summary>
public static class ListCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format", "-f") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var quiet = new Option<bool>("--quiet", "-q") { Description = "print only the ids" };
        var command = new Command("list", "list the containers gomini knows under --root");
        command.Aliases.Add("ls");
        command.Options.Add(format);
        command.Options.Add(quiet);
        command.SetAction(result => Lifecycle.Guard(() =>
        {
            var views = Operations.List(GlobalFlags.Store(result)).ToArray();
            if (result.GetValue(quiet))
            {
                foreach (var v in views) Console.Out.WriteLine(v.Id);
                return;
            }
            if (result.GetValue(format) == "json")
            {
                var options = new JsonSerializerOptions(StateJsonContext.Default.Options) { WriteIndented = false };
                Console.Out.Write(JsonSerializer.Serialize(views, new StateJsonContext(options).StateViewArray) + "\n");
                return;
            }
            Console.Out.Write(Table(views));
        }));
        return command;
    }

    /// <summary>Columns padded like Go's tabwriter in runc (min width 12, padding 1).</summary>
    private static string Table(StateView[] views)
    {
        string[][] rows =
        [
            ["ID", "PID", "STATUS", "BUNDLE", "CREATED", "OWNER"],
            .. views.Select(v => new[] { v.Id, v.Pid.ToString(), v.Status, v.Bundle, v.Created.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffK"), "root" }),
        ];
        var widths = Enumerable.Range(0, 6).Select(c => Math.Max(12, rows.Max(r => r[c].Length) + 1)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
                text.Append(c == row.Length - 1 ? row[c] : row[c].PadRight(widths[c]));
            text.Append('\n');
        }
        return text.ToString();
    }
}
