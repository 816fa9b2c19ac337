using GoMini.Domain.Cgroups;
using GoMini.Domain.Linux;
using GoMini.Domain.Plan;
using GoMini.Domain.Spec;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Exec;

/// <summary>
/// The process `exec` starts, as runc builds it: the --process file as it is, or else the container's
/// config process with the arguments, --tty, --cwd, --env, --user, --additional-gids, --cap and
/// --no-new-privs laid over it. Every flag error is reported at once.
/// </summary>
public static class ExecProcessBuilder
{
    public static Validation<PlanError, ProcessSpec> Build(ProcessSpec? configProcess, ExecOptions options) =>
        options.ProcessFile.Match(
            Some: file => Checked(file, "--process"),
            None: () => Overlay(configProcess ?? new ProcessSpec(), options));

    private static Validation<PlanError, ProcessSpec> Checked(ProcessSpec process, string source)
    {
        var errors = Seq<PlanError>();
        if (process.Args is null || process.Args.Count == 0)
            errors = errors.Add(new PlanError($"{source}: args", "must not be empty: name the command to run"));
        if (process.Cwd is { } cwd && !cwd.StartsWith('/'))
            errors = errors.Add(new PlanError($"{source}: cwd", "must be an absolute path"));
        return errors.IsEmpty ? Success<PlanError, ProcessSpec>(process) : Fail<PlanError, ProcessSpec>(errors);
    }

    private static Validation<PlanError, ProcessSpec> Overlay(ProcessSpec config, ExecOptions options)
    {
        var errors = Seq<PlanError>();
        if (options.Args.IsEmpty)
            errors = errors.Add(new PlanError("exec", "name the command to run after the container id (or give --process)"));
        var user = config.User ?? new UserSpec();
        foreach (var text in options.User)
        {
            var parsed = ParseUser(text);
            if (parsed.IsSuccess) parsed.IfSuccess(u => user = user with { Uid = u.Uid, Gid = u.Gid ?? user.Gid ?? 0 });
            else parsed.IfFail(es => errors = errors.Then(es));
        }
        if (!options.AdditionalGids.IsEmpty)
        {
            var gids = new List<uint>();
            foreach (var g in options.AdditionalGids)
                if (uint.TryParse(g, out var gid)) gids.Add(gid);
                else errors = errors.Add(new PlanError("--additional-gids", $"\"{g}\" is not a group id (a number)"));
            user = user with { AdditionalGids = gids };
        }
        foreach (var cap in options.Caps)
            if (!Capabilities.All.Contains(Normalize(cap)))
                errors = errors.Add(new PlanError("--cap", $"unknown capability \"{cap}\""));
        foreach (var e in options.Env)
            if (!e.Contains('=') || e.StartsWith('='))
                errors = errors.Add(new PlanError("--env", $"\"{e}\" is not KEY=VALUE"));
        foreach (var cwd in options.Cwd)
            if (!cwd.StartsWith('/'))
                errors = errors.Add(new PlanError("--cwd", "must be an absolute path"));
        if (!errors.IsEmpty)
            return Fail<PlanError, ProcessSpec>(errors);

        return config with
        {
            Args = options.Args.ToList(),
            Terminal = options.Tty,
            Cwd = options.Cwd.IfNone(config.Cwd ?? "/"),
            Env = MergeEnv(config.Env ?? [], options.Env),
            User = user,
            Capabilities = AddCaps(config.Capabilities, options.Caps.Map(Normalize)),
            NoNewPrivileges = options.NoNewPrivileges ? true : config.NoNewPrivileges,
        };
    }

    /// <summary>uid[:gid], numbers only (runc's exec takes no names either).</summary>
    public static Validation<PlanError, (uint Uid, uint? Gid)> ParseUser(string text)
    {
        var parts = text.Split(':');
        if (parts.Length > 2 || !uint.TryParse(parts[0], out var uid))
            return new PlanError("--user", $"\"{text}\" is not uid[:gid] (numbers)");
        if (parts.Length == 1) return (uid, (uint?)null);
        if (!uint.TryParse(parts[1], out var gid))
            return new PlanError("--user", $"\"{text}\" is not uid[:gid] (numbers)");
        return (uid, (uint?)gid);
    }

    /// <summary>KEY=VALUE pairs, in order; a later KEY replaces the value of an earlier one in its place.</summary>
    public static List<string> MergeEnv(IEnumerable<string> first, IEnumerable<string> later)
    {
        var result = new List<string>();
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in first.Concat(later))
        {
            var key = entry.Split('=', 2)[0];
            if (at.TryGetValue(key, out var index)) result[index] = entry;
            else { at[key] = result.Count; result.Add(entry); }
        }
        return result;
    }

    private static string Normalize(string cap)
    {
        var upper = cap.ToUpperInvariant();
        return upper.StartsWith("CAP_", StringComparison.Ordinal) ? upper : "CAP_" + upper;
    }

    private static CapabilitiesSpec? AddCaps(CapabilitiesSpec? caps, Seq<string> extra)
    {
        if (extra.IsEmpty) return caps;
        var c = caps ?? new CapabilitiesSpec();
        static List<string> With(IReadOnlyList<string>? set, Seq<string> add) => (set ?? []).Concat(add).Distinct().ToList();
        return c with
        {
            Bounding = With(c.Bounding, extra),
            Effective = With(c.Effective, extra),
            Permitted = With(c.Permitted, extra),
            // Ambient needs the inheritable bit, which --cap does not set: only where the config has one (runc's rule).
            Ambient = c.Inheritable is null ? c.Ambient : With(c.Ambient, extra),
        };
    }
}
