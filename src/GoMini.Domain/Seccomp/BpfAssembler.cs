namespace GoMini.Domain.Seccomp;

/// <summary>
/// Builds a classic BPF program with forward labels. Classic BPF conditional jumps have 8-bit
/// offsets, so a conditional here never jumps further than the next-but-one instruction: it
/// either falls through or skips one `ja`, and only `ja` (32-bit offset) reaches a label. Programs
/// of any length are therefore laid out without a range check that could fail.
/// </summary>
internal sealed class BpfAssembler
{
    private readonly List<BpfInstruction> code = [];
    private readonly List<(int At, int Label)> pending = [];
    private readonly List<int> labels = [];

    public int Count => code.Count;

    public int NewLabel()
    {
        labels.Add(-1);
        return labels.Count - 1;
    }

    public void Mark(int label) => labels[label] = code.Count;

    public void Load(uint offset) => code.Add(new(BpfInstruction.LdAbsW, 0, 0, offset));

    public void And(uint mask) => code.Add(new(BpfInstruction.AluAndK, 0, 0, mask));

    public void Return(uint action) => code.Add(new(BpfInstruction.RetK, 0, 0, action));

    public void Jump(int label)
    {
        pending.Add((code.Count, label));
        code.Add(new(BpfInstruction.Ja, 0, 0, 0));
    }

    /// <summary>If `A op k` holds, go to the label; otherwise carry on.</summary>
    public void JumpIf(ushort op, uint k, int label)
    {
        code.Add(new(op, 0, 1, k));
        Jump(label);
    }

    /// <summary>If `A op k` does not hold, go to the label; otherwise carry on.</summary>
    public void JumpUnless(ushort op, uint k, int label)
    {
        code.Add(new(op, 1, 0, k));
        Jump(label);
    }

    /// <summary>If `A op k` holds, return the action; otherwise carry on.</summary>
    public void ReturnIf(ushort op, uint k, uint action)
    {
        code.Add(new(op, 0, 1, k));
        Return(action);
    }

    /// <summary>The program with every `ja` resolved. Labels only ever point forward.</summary>
    public BpfInstruction[] Finish()
    {
        var program = code.ToArray();
        foreach (var (at, label) in pending)
        {
            var target = labels[label];
            if (target <= at) throw new InvalidOperationException($"BPF label {label} is not after instruction {at}");
            program[at] = program[at] with { K = (uint)(target - at - 1) };
        }
        return program;
    }
}
