namespace GoMini.Domain.Plan;

/// <summary>One thing wrong with the input: where (a JSON path, a flag, a file) and what.</summary>
public sealed record PlanError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
