using System.Xml;

namespace DocService.Exchange.Writing;

/// <summary>
/// A write-only stream whose bytes become base64 text of the current XML element, so a ZIP can be
/// written straight into the package: the PDF passes through in buffers, never whole.
/// <see cref="XmlWriter.WriteBase64"/> carries partial 3-byte groups between calls.
/// </summary>
internal sealed class Base64XmlStream(XmlWriter writer) : Stream
{
    long _written;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _written; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count)
    {
        writer.WriteBase64(buffer, offset, count);
        _written += count;
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            buffer.CopyTo(rented);
            Write(rented, 0, buffer.Length);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
