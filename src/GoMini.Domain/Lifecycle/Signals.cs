using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Lifecycle;

/// <summary>Signal names and numbers as `kill` takes them: 9, KILL, SIGKILL, sigkill.</summary>
public static class Signals
{
    private static readonly string[] Names =
    [
        "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2", "PIPE",
        "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ",
        "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS",
    ];

    public static Option<int> Parse(string text)
    {
        if (int.TryParse(text, out var number))
            return number is > 0 and <= 64 ? Some(number) : None;
        var name = text.ToUpperInvariant();
        if (name.StartsWith("SIG", StringComparison.Ordinal)) name = name[3..];
        if (name == "IOT") return 6;
        if (name == "CLD") return 17;
        if (name == "POLL") return 29;
        if (name.StartsWith("RTMIN", StringComparison.Ordinal))
            return Offset(name[5..]).Map(o => 34 + o).Filter(n => n <= 64);
        if (name.StartsWith("RTMAX", StringComparison.Ordinal))
            return Offset(name[5..]).Map(o => 64 + o).Filter(n => n >= 34);
        var index = System.Array.IndexOf(Names, name);
        return index > 0 ? Some(index) : None;
    }

    public static string Name(int number) =>
        number > 0 && number < Names.Length ? "SIG" + Names[number] : number.ToString();

    private static Option<int> Offset(string rest) =>
        rest.Length == 0 ? Some(0) : int.TryParse(rest, out var n) ? Some(n) : None;
}
