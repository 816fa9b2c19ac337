using GoMini.Domain.Plan;
using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Security;

/// <summary>
/// Applicative helpers: every check of a config runs, and every error is kept, so a user
/// sees all that is wrong with a bundle at once. Errors are gathered in a list and turned into
/// one strict Seq, never by `Seq + Seq`: LanguageExt's concatenated Seq is a generic cycle
/// (SeqConcat of ISeqInternal of ...) that NativeAOT's compiler handles badly.
/// </summary>
internal static class Accumulate
{
    public static Validation<PlanError, Seq<T>> All<T>(IEnumerable<Validation<PlanError, T>> items)
    {
        var values = new List<T>();
        var errors = new List<PlanError>();
        foreach (var item in items)
            item.Match(Succ: value => values.Add(value), Fail: failed => errors.AddRange(failed));
        return errors.Count == 0
            ? Success<PlanError, Seq<T>>(toSeq(values.ToArray()))
            : Validation<PlanError, Seq<T>>.Fail(toSeq(errors.ToArray()));
    }

    /// <summary>Flattens a list of step lists, keeping every error of every list.</summary>
    public static Validation<PlanError, Seq<Step>> Steps(params Validation<PlanError, Seq<Step>>[] parts) =>
        All(parts).Map(lists => toSeq(lists.SelectMany(steps => steps).ToArray()));

    /// <summary>Success with nothing, or every error found.</summary>
    public static Validation<PlanError, Unit> Errors(IEnumerable<PlanError> errors)
    {
        var all = errors.ToArray();
        return all.Length == 0 ? Success<PlanError, Unit>(unit) : Validation<PlanError, Unit>.Fail(toSeq(all));
    }

    public static Validation<PlanError, T> Fail<T>(string path, string message) =>
        Validation<PlanError, T>.Fail(Seq1(new PlanError(path, message)));
}
