using GoMini.Domain.Plan;
using LanguageExt;

namespace GoMini.Domain.Planning;

/// <summary>The filesystem part of the init steps: up to and including the switch of root, and after it.</summary>
public sealed record RootfsPlan(Seq<Step> BeforePivot, Step Pivot, Seq<Step> AfterPivot);
