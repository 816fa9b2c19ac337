using LanguageExt;

namespace GoMini.Domain.Security;

/// <summary>
/// The five capability sets of process.capabilities, checked and in canonical spelling
/// (upper case, CAP_ prefixed, each name once). An absent set, or an absent
/// process.capabilities, is empty: runc 1.1.5 does the same (measured on this machine:
/// without a capabilities object its container runs with CapBnd, CapPrm and CapEff all 0).
/// </summary>
public sealed record CapabilitySets(
    Seq<string> Bounding, Seq<string> Effective, Seq<string> Permitted, Seq<string> Inheritable, Seq<string> Ambient);
