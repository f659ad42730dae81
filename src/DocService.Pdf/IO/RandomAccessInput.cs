using System.Buffers;

namespace DocService.Pdf.IO;

/// <summary>
/// Buffered random access over a seekable stream: the parser jumps between xref sections and
/// objects, and files can be hundreds of megabytes, so only one window is kept in memory.
/// Not thread-safe, like the stream underneath.
/// </summary>
public sealed class RandomAccessInput
{
    private const int WindowSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly byte[] _window = new byte[WindowSize];
    private long _windowStart = -1;
    private int _windowLength;

    public RandomAccessInput(Stream stream)
    {
        if (!stream.CanSeek || !stream.CanRead)
            throw new ArgumentException("A PDF is read by random access: the stream must be readable and seekable.", nameof(stream));
        _stream = stream;
        Length = stream.Length;
    }

    public static RandomAccessInput FromBytes(byte[] bytes) => new(new MemoryStream(bytes, writable: false));

    /// <summary>Length when opened; bytes appended later are not part of this document.</summary>
    public long Length { get; }

    /// <summary>The byte at <paramref name="position"/>, or -1 outside the input.</summary>
    public int ByteAt(long position)
    {
        if (position < 0 || position >= Length)
            return -1;
        if (position < _windowStart || position >= _windowStart + _windowLength)
            LoadWindow(position - position % WindowSize);
        return _window[position - _windowStart];
    }

    /// <summary>Copies bytes starting at <paramref name="position"/>; returns how many were available.</summary>
    public int Read(long position, Span<byte> destination)
    {
        if (position < 0 || position >= Length)
            return 0;
        var count = (int)Math.Min(destination.Length, Length - position);
        if (position >= _windowStart && position + count <= _windowStart + _windowLength)
        {
            _window.AsSpan((int)(position - _windowStart), count).CopyTo(destination);
            return count;
        }
        _stream.Position = position;
        _stream.ReadExactly(destination[..count]);
        return count;
    }

    /// <summary>Offset of the first occurrence of <paramref name="pattern"/> in [start, end), or -1.</summary>
    public long IndexOf(ReadOnlySpan<byte> pattern, long start, long end = long.MaxValue)
    {
        end = Math.Min(end, Length);
        var size = WindowSize + pattern.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            for (var chunk = Math.Max(0, start); chunk < end; chunk += WindowSize)
            {
                var wanted = (int)Math.Min(size, end - chunk);
                var got = Read(chunk, buffer.AsSpan(0, wanted));
                var at = buffer.AsSpan(0, got).IndexOf(pattern);
                if (at >= 0)
                    return chunk + at;
            }
            return -1;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Every offset where <paramref name="pattern"/> occurs, in file order (one pass, one buffer).</summary>
    public IEnumerable<long> FindAll(byte[] pattern)
    {
        var size = WindowSize + pattern.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var from = 0L;
            for (var chunk = 0L; chunk < Length; chunk += WindowSize)
            {
                var got = Read(chunk, buffer.AsSpan(0, (int)Math.Min(size, Length - chunk)));
                for (var at = 0; at < got;)
                {
                    var found = buffer.AsSpan(at, got - at).IndexOf(pattern);
                    if (found < 0)
                        break;
                    var offset = chunk + at + found;
                    if (offset >= from)
                    {
                        yield return offset;
                        from = offset + pattern.Length;
                    }
                    at += found + 1;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Offset of the last occurrence of <paramref name="pattern"/> that starts before <paramref name="end"/>, or -1.</summary>
    public long LastIndexOf(ReadOnlySpan<byte> pattern, long end, long start = 0)
    {
        var size = WindowSize + pattern.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            for (var chunkEnd = Math.Min(end + pattern.Length - 1, Length); chunkEnd > start; chunkEnd -= WindowSize)
            {
                var chunkStart = Math.Max(start, chunkEnd - size);
                var got = Read(chunkStart, buffer.AsSpan(0, (int)(chunkEnd - chunkStart)));
                var at = buffer.AsSpan(0, got).LastIndexOf(pattern);
                if (at >= 0)
                    return chunkStart + at;
            }
            return -1;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Copies [offset, offset+count) to <paramref name="destination"/> without loading it whole;
    /// <paramref name="observe"/>, when given, sees every chunk on its way (to hash it in the same pass).
    /// </summary>
    public void CopyTo(Stream destination, long offset, long count, Action<ReadOnlySpan<byte>>? observe = null)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(WindowSize);
        try
        {
            while (count > 0)
            {
                var got = Read(offset, buffer.AsSpan(0, (int)Math.Min(WindowSize, count)));
                if (got == 0)
                    throw new EndOfStreamException($"Input ended at byte {offset} while copying.");
                observe?.Invoke(buffer.AsSpan(0, got));
                destination.Write(buffer, 0, got);
                offset += got;
                count -= got;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void LoadWindow(long start)
    {
        _stream.Position = start;
        var length = (int)Math.Min(WindowSize, Length - start);
        _stream.ReadExactly(_window.AsSpan(0, length));
        _windowStart = start;
        _windowLength = length;
    }
}
