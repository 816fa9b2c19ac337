using GoMini.Domain.Plan;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Security;

/// <summary>
/// Applicative helpers: every check of a config runs, and every error is kept, so a user
/// sees all that is wrong with a bundle at once.
/// </summary>
internal static class Accumulate
{
    public static Validation<PlanError, Seq<T>> All<T>(IEnumerable<Validation<PlanError, T>> items) =>
        items.Aggregate(
            Success<PlanError, Seq<T>>(Seq<T>()),
            (acc, item) => acc.Match(
                Succ: done => item.Match(
                    Succ: value => Success<PlanError, Seq<T>>(done.Add(value)),
                    Fail: errors => Validation<PlanError, Seq<T>>.Fail(errors)),
                Fail: earlier => item.Match(
                    Succ: _ => Validation<PlanError, Seq<T>>.Fail(earlier),
                    Fail: errors => Validation<PlanError, Seq<T>>.Fail(earlier + errors))));

    /// <summary>Flattens a list of step lists, keeping every error of every list.</summary>
    public static Validation<PlanError, Seq<Step>> Steps(params Validation<PlanError, Seq<Step>>[] parts) =>
        All(parts).Map(lists => lists.Bind(steps => steps));

    /// <summary>Success with nothing, or every error found.</summary>
    public static Validation<PlanError, Unit> Errors(Seq<PlanError> errors) =>
        errors.IsEmpty ? Success<PlanError, Unit>(unit) : Validation<PlanError, Unit>.Fail(errors);

    public static Validation<PlanError, T> Fail<T>(string path, string message) =>
        Validation<PlanError, T>.Fail(Seq1(new PlanError(path, message)));
}
