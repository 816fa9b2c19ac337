namespace GoMini.Effects.Init;

/// <summary>The entry of the re-exec'd init child (`gomini init`): reads its steps, runs them, execs.</summary>
public static class InitProcess
{
    // CONTRACT (owned by the effects work). Returns only on failure, after reporting it to the parent.
    public static int Main() => throw new NotImplementedException();
}
