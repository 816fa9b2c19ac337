using LanguageExt;

namespace GoMini.Domain.Plan;

/// <summary>
/// Everything starting one container does, as data: what the parent runs (<see cref="Host"/>)
/// and what the init child runs (<see cref="Init"/>), each in order. Immutable and
/// comparable by value, so the same inputs always give an equal plan.
/// </summary>
public sealed record ContainerPlan(string ContainerId, string Bundle, string Rootfs, Seq<Step> Host, Seq<Step> Init);
