using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using GoMini.Domain.Plan;
using GoMini.Effects.Native;

namespace GoMini.Effects.Spawn;

/// <summary>
/// What the parent sends the init child over the sync socket: whether to be verbose, the rootfs
/// (host path) and the init steps as JSON. Each part length-prefixed (4 bytes, little endian).
/// The answer goes the other way: EOF (the exec closed the socket) is success, one line is failure.
/// </summary>
public sealed record InitMessage(bool Verbose, string Rootfs, Step[] Steps)
{
    public byte[] Encode()
    {
        var rootfs = Encoding.UTF8.GetBytes(Rootfs);
        var steps = JsonSerializer.SerializeToUtf8Bytes(Steps, PlanJsonContext.Default.StepArray);
        var message = new byte[1 + 4 + rootfs.Length + 4 + steps.Length];
        message[0] = Verbose ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt32LittleEndian(message.AsSpan(1), rootfs.Length);
        rootfs.CopyTo(message, 5);
        BinaryPrimitives.WriteInt32LittleEndian(message.AsSpan(5 + rootfs.Length), steps.Length);
        steps.CopyTo(message, 9 + rootfs.Length);
        return message;
    }

    public static InitMessage Read(int fd)
    {
        Span<byte> header = stackalloc byte[5];
        Expect(Libc.ReadFull(fd, header, "sync channel"), 5);
        var rootfs = new byte[BinaryPrimitives.ReadInt32LittleEndian(header[1..])];
        Expect(Libc.ReadFull(fd, rootfs, "sync channel"), rootfs.Length);
        Span<byte> length = stackalloc byte[4];
        Expect(Libc.ReadFull(fd, length, "sync channel"), 4);
        var steps = new byte[BinaryPrimitives.ReadInt32LittleEndian(length)];
        Expect(Libc.ReadFull(fd, steps, "sync channel"), steps.Length);
        return new InitMessage(header[0] == 1, Encoding.UTF8.GetString(rootfs),
            JsonSerializer.Deserialize(steps, PlanJsonContext.Default.StepArray) ?? []);
    }

    private static void Expect(int got, int wanted)
    {
        if (got != wanted)
            throw new InvalidOperationException("the parent closed the sync channel before sending the init steps");
    }
}
