using GoMini.Domain.Plan;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Security;

/// <summary>
/// The applicative "all of these, or every error of them" without LanguageExt's tuple Apply,
/// which joins the error lists with `Seq + Seq` (see <see cref="Accumulate"/>): take each
/// validation's value (a placeholder when it failed, never used), then build the result once.
/// </summary>
internal sealed class Gather
{
    private readonly List<PlanError> errors = [];

    // Match with actions: LanguageExt's value-returning Match throws on a null result (the placeholder).
    public T Take<T>(Validation<PlanError, T> item)
    {
        T taken = default!;
        item.Match(Succ: value => taken = value, Fail: failed => errors.AddRange(failed));
        return taken;
    }

    public Validation<PlanError, R> Into<R>(Func<R> build) =>
        errors.Count == 0 ? Success<PlanError, R>(build()) : Validation<PlanError, R>.Fail(toSeq(errors.ToArray()));
}
