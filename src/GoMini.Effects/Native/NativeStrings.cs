using System.Runtime.InteropServices;
using System.Text;

namespace GoMini.Effects.Native;

/// <summary>
/// A NULL-terminated array of NUL-terminated UTF-8 strings (argv, envp) in one native block.
/// Freed by Dispose; an execve that succeeds never returns, so it never needs to be.
/// </summary>
public sealed unsafe class NativeStrings : IDisposable
{
    private readonly nint block;
    public byte** Pointer => (byte**)block;

    public NativeStrings(IReadOnlyList<string> items)
    {
        var bytes = 0;
        for (var i = 0; i < items.Count; i++)
            bytes += Encoding.UTF8.GetByteCount(items[i]) + 1;
        var table = (items.Count + 1) * sizeof(nint);
        block = Marshal.AllocHGlobal(table + bytes);
        var pointers = (byte**)block;
        var text = (byte*)block + table;
        for (var i = 0; i < items.Count; i++)
        {
            pointers[i] = text;
            var written = Encoding.UTF8.GetBytes(items[i], new Span<byte>(text, bytes));
            text[written] = 0;
            text += written + 1;
            bytes -= written + 1;
        }
        pointers[items.Count] = null;
    }

    public byte* this[int index] => Pointer[index];

    public void Dispose() => Marshal.FreeHGlobal(block);
}
