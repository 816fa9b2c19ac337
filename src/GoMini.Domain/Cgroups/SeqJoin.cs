using LanguageExt;

namespace GoMini.Domain.Cgroups;

internal static class SeqJoin
{
    /// <summary>
    /// Joins two sequences into a plain array-backed Seq (used for every step and error list in the Domain). Not Seq's own `+`: that builds a
    /// SeqConcat over Seq&lt;ISeqInternal&lt;T&gt;&gt;, a generic recursion NativeAOT's scanner rejects.
    /// </summary>
    public static Seq<T> Then<T>(this Seq<T> a, IEnumerable<T> b) => Enumerable.Concat(a, b).ToArray().ToSeq();
}
