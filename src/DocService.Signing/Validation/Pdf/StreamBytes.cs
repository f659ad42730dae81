using System.Buffers;

namespace DocService.Signing.Validation.Pdf;

/// <summary>Positioned reads on the seekable stream being validated, in bounded chunks.</summary>
internal static class StreamBytes
{
    const int Chunk = 256 * 1024;

    /// <summary>The whole content when the stream is a memory stream that exposes its buffer (no copying then).</summary>
    public static bool TryGetBuffer(Stream stream, out ReadOnlyMemory<byte> buffer)
    {
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var segment))
        {
            buffer = segment;
            return true;
        }
        buffer = default;
        return false;
    }

    public static int ReadAt(Stream stream, long offset, Span<byte> destination)
    {
        if (offset < 0 || offset >= stream.Length)
            return 0;
        stream.Position = offset;
        var total = 0;
        while (total < destination.Length)
        {
            var read = stream.Read(destination[total..]);
            if (read == 0)
                break;
            total += read;
        }
        return total;
    }

    /// <summary>Calls <paramref name="consume"/> with consecutive chunks of [offset, offset+length).</summary>
    public static void ForEachChunk(Stream stream, long offset, long length, Action<ReadOnlyMemory<byte>> consume)
    {
        if (TryGetBuffer(stream, out var whole) && offset >= 0 && offset + length <= whole.Length)
        {
            consume(whole.Slice((int)offset, (int)length));
            return;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(Chunk);
        try
        {
            while (length > 0)
            {
                var got = ReadAt(stream, offset, buffer.AsSpan(0, (int)Math.Min(Chunk, length)));
                if (got == 0)
                    throw new EndOfStreamException($"The file ends at byte {offset}.");
                consume(buffer.AsMemory(0, got));
                offset += got;
                length -= got;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>First offset of <paramref name="pattern"/> in [start, end), or -1.</summary>
    public static long IndexOf(Stream stream, ReadOnlySpan<byte> pattern, long start, long end)
    {
        end = Math.Min(end, stream.Length);
        if (TryGetBuffer(stream, out var whole))
        {
            var from = (int)Math.Max(0, start);
            var found = from >= end ? -1 : whole.Span[from..(int)end].IndexOf(pattern);
            return found < 0 ? -1 : from + found;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(Chunk + pattern.Length);
        try
        {
            for (var at = Math.Max(0, start); at < end; at += Chunk)
            {
                var got = ReadAt(stream, at, buffer.AsSpan(0, (int)Math.Min(Chunk + pattern.Length - 1, end - at)));
                var found = buffer.AsSpan(0, got).IndexOf(pattern);
                if (found >= 0)
                    return at + found;
            }
            return -1;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
