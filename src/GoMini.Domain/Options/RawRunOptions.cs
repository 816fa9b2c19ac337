namespace GoMini.Domain.Options;

/// <summary>The run/create/explain flags exactly as typed, before their values are checked.</summary>
public sealed record RawRunOptions(
    string? Hostname = null,
    string? Cpu = null,
    string? Mem = null,
    string? Pids = null,
    string? Net = null,
    string? Cmd = null,
    bool Verbose = false,
    bool NoPivot = false,
    IReadOnlyList<string>? Args = null,
    string ContainerId = "gomini",
    LaunchMode Mode = LaunchMode.Run);
