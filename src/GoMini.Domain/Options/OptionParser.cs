using GoMini.Domain.Plan;
using GoMini.Domain.Security;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Options;

/// <summary>Checks the values of the run flags; every bad one is reported, each naming its flag.</summary>
public static class OptionParser
{
    public static Validation<PlanError, RunOptions> Parse(RawRunOptions raw)
    {
        var all = new Gather();
        var cpu = all.Take(Positive("--cpu", raw.Cpu, ParseCount));
        var mem = all.Take(Positive("--mem", raw.Mem, SizeParser.Parse));
        var pids = all.Take(Positive("--pids", raw.Pids, ParseCount));
        var net = all.Take(Net(raw.Net));
        var hostname = all.Take(Hostname(raw.Hostname));
        var id = all.Take(ContainerIdRule.Check(raw.ContainerId));
        return all.Into(() => new RunOptions
        {
            ContainerId = id,
            Hostname = hostname,
            CpuQuota = cpu,
            MemoryBytes = mem,
            Pids = pids,
            Net = net,
            Cmd = Optional(raw.Cmd).Filter(c => c.Length > 0),
            Args = (raw.Args ?? []).ToSeq().Strict(),
            Verbose = raw.Verbose,
            NoPivot = raw.NoPivot,
            Mode = raw.Mode,
        });
    }

    private static Validation<PlanError, Option<long>> Positive(string flag, string? value, Func<string, Option<long>> parse)
    {
        if (value is null) return Success<PlanError, Option<long>>(None);
        return parse(value).Filter(v => v > 0).Match(
            Some: v => Success<PlanError, Option<long>>(Some(v)),
            None: () => Fail<PlanError, Option<long>>(new PlanError(flag, $"must be a positive {(flag == "--mem" ? "size such as 64m or 1g" : "whole number")}, not \"{value}\"")));
    }

    private static Option<long> ParseCount(string value) => long.TryParse(value, out var n) ? Some(n) : None;

    private static Validation<PlanError, Option<NetMode>> Net(string? value) => value switch
    {
        null => Success<PlanError, Option<NetMode>>(None),
        "none" => Success<PlanError, Option<NetMode>>(Some(NetMode.None)),
        "host" => Success<PlanError, Option<NetMode>>(Some(NetMode.Host)),
        _ => Fail<PlanError, Option<NetMode>>(new PlanError("--net", $"must be none or host, not \"{value}\"")),
    };

    // sethostname(2) takes at most 64 bytes; the name is otherwise the caller's business.
    private static Validation<PlanError, Option<string>> Hostname(string? value) =>
        value is null ? Success<PlanError, Option<string>>(None)
        : value.Length is > 0 and <= 64 ? Success<PlanError, Option<string>>(Some(value))
        : Fail<PlanError, Option<string>>(new PlanError("--hostname", $"must be 1 to 64 characters, not \"{value}\""));
}
