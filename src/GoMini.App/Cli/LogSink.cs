using System.Text;
using System.Text.Json;

namespace GoMini.App.Cli;

/// <summary>
/// --log FILE: every line gomini writes to stderr is also appended to the file, as text or (with
/// --log-format json) one {"level","msg","time"} object per line, the shape conmon parses to show
/// a failed create's error. The `gomini: ` prefix is left out of msg.
/// </summary>
public sealed class LogSink : TextWriter
{
    private readonly TextWriter stderr;
    private readonly string path;
    private readonly bool json;
    private readonly StringBuilder line = new();

    private LogSink(TextWriter stderr, string path, bool json)
    {
        this.stderr = stderr;
        this.path = path;
        this.json = json;
    }

    public override Encoding Encoding => Encoding.UTF8;

    public static void Configure(string? path, string? format, bool debug)
    {
        if (string.IsNullOrEmpty(path)) return;
        Console.SetError(new LogSink(Console.Error, path, format == "json"));
        if (debug) Write(path, format == "json", "debug", "gomini " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)));
    }

    public override void Write(char value)
    {
        stderr.Write(value);
        if (value == '\n')
        {
            Flush(line.ToString());
            line.Clear();
        }
        else line.Append(value);
    }

    public override void Write(string? value)
    {
        if (value == null) return;
        foreach (var c in value) Write(c);
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
    }

    public override void Flush() => stderr.Flush();

    protected override void Dispose(bool disposing)
    {
        if (line.Length > 0) Flush(line.ToString());
        line.Clear();
        base.Dispose(disposing);
    }

    private void Flush(string text)
    {
        if (text.Length == 0) return;
        var level = text.StartsWith("gomini: [", StringComparison.Ordinal) ? "debug"
            : text.StartsWith("gomini: warning", StringComparison.Ordinal) ? "warning" : "error";
        Write(path, json, level, text.StartsWith("gomini: ", StringComparison.Ordinal) ? text[8..] : text);
    }

    private static void Write(string path, bool json, string level, string msg)
    {
        var time = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffK");
        string entry;
        if (json)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("level", level);
                writer.WriteString("msg", msg);
                writer.WriteString("time", time);
                writer.WriteEndObject();
            }
            entry = Encoding.UTF8.GetString(buffer.ToArray());
        }
        else entry = $"time=\"{time}\" level={level} msg=\"{msg.Replace("\"", "\\\"")}\"";
        try { File.AppendAllText(path, entry + "\n"); }
        catch (IOException) { /* the log is a copy of stderr: losing it must not fail the command */ }
        catch (UnauthorizedAccessException) { }
    }
}
