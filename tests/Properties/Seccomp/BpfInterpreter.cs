using System.Buffers.Binary;
using GoMini.Domain.Seccomp;

namespace GoMini.Properties.Seccomp;

/// <summary>What the kernel hands a seccomp filter: struct seccomp_data, 64 bytes, little endian.</summary>
public sealed record SeccompData(uint Nr, uint Arch, ulong InstructionPointer, ulong[] Args)
{
    public byte[] Bytes()
    {
        var bytes = new byte[64];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Nr);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), Arch);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8), InstructionPointer);
        for (var i = 0; i < 6; i++) BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(16 + 8 * i), Args[i]);
        return bytes;
    }

    public override string ToString() =>
        $"nr={Nr} (0x{Nr:x}) arch=0x{Arch:x} args=[{string.Join(", ", Args.Select(a => $"0x{a:x}"))}]";
}

/// <summary>A small classic BPF interpreter, the seccomp subset, as the kernel runs it.</summary>
public static class BpfInterpreter
{
    public static uint Run(IReadOnlyList<BpfInstruction> program, SeccompData data)
    {
        var input = data.Bytes();
        uint a = 0;
        var pc = 0;
        while (true)
        {
            if (pc < 0 || pc >= program.Count) throw new InvalidOperationException($"pc {pc} left the program ({program.Count})");
            var ins = program[pc];
            switch (ins.Code)
            {
                case 0x20: // ld [k]
                    if (ins.K % 4 != 0 || ins.K > 60) throw new InvalidOperationException($"bad load offset {ins.K}");
                    a = BinaryPrimitives.ReadUInt32LittleEndian(input.AsSpan((int)ins.K));
                    break;
                case 0x00: a = ins.K; break;                 // ld #k
                case 0x54: a &= ins.K; break;                // and #k
                case 0x44: a |= ins.K; break;                // or #k
                case 0x05: pc += (int)ins.K; break;          // ja
                case 0x15: pc += a == ins.K ? ins.Jt : ins.Jf; break;
                case 0x25: pc += a > ins.K ? ins.Jt : ins.Jf; break;
                case 0x35: pc += a >= ins.K ? ins.Jt : ins.Jf; break;
                case 0x45: pc += (a & ins.K) != 0 ? ins.Jt : ins.Jf; break;
                case 0x06: return ins.K;                     // ret #k
                default: throw new InvalidOperationException($"unknown opcode 0x{ins.Code:x} at {pc}");
            }
            pc++;
        }
    }

    /// <summary>Every jump lands inside the program and nothing falls off its end (the kernel's checks).</summary>
    public static IEnumerable<string> StaticProblems(IReadOnlyList<BpfInstruction> program)
    {
        if (program.Count == 0) yield return "empty program";
        for (var i = 0; i < program.Count; i++)
        {
            var ins = program[i];
            switch (ins.Code)
            {
                case 0x05:
                    if ((long)i + 1 + ins.K >= program.Count) yield return $"ja at {i} jumps to {(long)i + 1 + ins.K}";
                    break;
                case 0x15 or 0x25 or 0x35 or 0x45:
                    if (i + 1 + ins.Jt >= program.Count || i + 1 + ins.Jf >= program.Count)
                        yield return $"conditional at {i} jumps out ({ins.Jt}/{ins.Jf})";
                    break;
                case 0x06: break;
                default:
                    if (i + 1 >= program.Count) yield return $"instruction {i} falls off the end";
                    break;
            }
        }
    }
}
