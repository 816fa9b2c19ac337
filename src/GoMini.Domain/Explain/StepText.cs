namespace GoMini.Domain.Explain;

/// <summary>A step told to a person: what it does in words, and the system call(s) it makes.</summary>
public sealed record StepText(string What, string Syscall);
