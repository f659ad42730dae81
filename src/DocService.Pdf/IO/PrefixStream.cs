namespace DocService.Pdf.IO;

/// <summary>
/// A read-only, seekable view of the first <c>length</c> bytes of a seekable stream — an earlier
/// revision of a PDF, or the version a signature signed. The inner stream is shared (and closed
/// with this one only when <c>leaveOpen</c> is false).
/// </summary>
public sealed class PrefixStream(Stream inner, long length, bool leaveOpen = true) : Stream
{
    long _position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = Math.Clamp(value, 0, length);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - _position);
        if (count <= 0)
            return 0;
        inner.Position = _position;
        var read = inner.Read(buffer[..count]);
        _position += read;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
