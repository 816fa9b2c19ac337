using System.Text.Json.Serialization;

namespace GoMini.Domain.Plan;

/// <summary>
/// One effect of starting a container: a closed set of sealed records, each about one
/// syscall (or a tight group of them). Every step says <see cref="Reason"/>: the config field
/// or flag it came from, so `explain` can teach and an error can point at its cause.
/// </summary>
[JsonConverter(typeof(StepJsonConverter))]
public abstract record Step(string Reason);
