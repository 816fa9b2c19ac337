using System.Buffers.Binary;

namespace GoMini.Domain.Seccomp;

/// <summary>One classic BPF instruction, laid out as the kernel's 8-byte struct sock_filter.</summary>
public readonly record struct BpfInstruction(ushort Code, byte Jt, byte Jf, uint K)
{
    // The opcodes a seccomp program here is made of (linux/bpf_common.h).
    public const ushort LdAbsW = 0x20;   // BPF_LD | BPF_W | BPF_ABS: A = seccomp_data[k..k+4]
    public const ushort AluAndK = 0x54;  // BPF_ALU | BPF_AND | BPF_K: A &= k
    public const ushort Ja = 0x05;       // BPF_JMP | BPF_JA: pc += k (32-bit offset)
    public const ushort JeqK = 0x15;     // BPF_JMP | BPF_JEQ | BPF_K
    public const ushort JgtK = 0x25;     // BPF_JMP | BPF_JGT | BPF_K (unsigned)
    public const ushort JgeK = 0x35;     // BPF_JMP | BPF_JGE | BPF_K (unsigned)
    public const ushort JsetK = 0x45;    // BPF_JMP | BPF_JSET | BPF_K
    public const ushort RetK = 0x06;     // BPF_RET | BPF_K

    /// <summary>The kernel refuses longer programs (BPF_MAXINSNS).</summary>
    public const int MaxInstructions = 4096;

    public const int Size = 8;

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(destination, Code);
        destination[2] = Jt;
        destination[3] = Jf;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], K);
    }

    public static BpfInstruction ReadFrom(ReadOnlySpan<byte> source) =>
        new(BinaryPrimitives.ReadUInt16LittleEndian(source), source[2], source[3],
            BinaryPrimitives.ReadUInt32LittleEndian(source[4..]));

    public static string Encode(IReadOnlyList<BpfInstruction> program)
    {
        var bytes = new byte[program.Count * Size];
        for (var i = 0; i < program.Count; i++) program[i].WriteTo(bytes.AsSpan(i * Size));
        return Convert.ToBase64String(bytes);
    }

    public static BpfInstruction[] Decode(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        var program = new BpfInstruction[bytes.Length / Size];
        for (var i = 0; i < program.Length; i++) program[i] = ReadFrom(bytes.AsSpan(i * Size));
        return program;
    }
}
