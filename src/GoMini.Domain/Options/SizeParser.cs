using LanguageExt;
using static LanguageExt.Prelude;

namespace GoMini.Domain.Options;

/// <summary>Sizes as people write them: 1048576, 512k, 64m, 1g (powers of 1024; a trailing b is allowed).</summary>
public static class SizeParser
{
    public static Option<long> Parse(string text)
    {
        var s = text.Trim().ToLowerInvariant();
        if (s.EndsWith('b') && s.Length > 1 && !char.IsAsciiDigit(s[^2])) s = s[..^1];
        long unit = 1;
        if (s.Length > 0 && s[^1] is 'k' or 'm' or 'g' or 't')
        {
            unit = s[^1] switch { 'k' => 1L << 10, 'm' => 1L << 20, 'g' => 1L << 30, _ => 1L << 40 };
            s = s[..^1];
        }
        else if (s.EndsWith('b')) s = s[..^1];
        if (!long.TryParse(s, out var n) || n < 0) return None;
        try { return Some(checked(n * unit)); }
        catch (OverflowException) { return None; }
    }
}
