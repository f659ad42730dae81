using DocService.Pdf;
using DocService.Pdf.Document;

namespace DocService.Signing.Validation.Pdf;

/// <summary>
/// The document as it was at the end of each revision, opened lazily on a prefix of the same
/// stream: what a signature signed, and what each later revision changed, are read from these.
/// </summary>
internal sealed class RevisionSnapshots(Stream stream, PdfDocument latest, PdfLimits limits)
{
    readonly Dictionary<int, PdfDocument?> _opened = [];

    public PdfDocument Latest => latest;

    public IReadOnlyList<PdfRevision> Revisions => latest.Revisions;

    public int Count => latest.Revisions.Count;

    /// <summary>The document at the end of revision <paramref name="number"/> (1-based); null when that prefix cannot be read.</summary>
    public PdfDocument? At(int number)
    {
        if (number == Count)
            return latest;
        if (_opened.TryGetValue(number, out var document))
            return document;
        var revision = latest.Revisions[number - 1];
        try
        {
            document = PdfDocument.Open(new PrefixStream(stream, revision.EndOffset), limits);
        }
        catch (PdfException)
        {
            document = null;
        }
        _opened[number] = document;
        return document;
    }

    /// <summary>The revision whose bytes end exactly at <paramref name="end"/> (after %%EOF, with or without its end-of-line).</summary>
    public PdfRevision? EndingAt(long end) =>
        latest.Revisions.FirstOrDefault(r => r.EofOffset == end || r.EndOffset == end);

    /// <summary>The revision whose appended bytes contain <paramref name="offset"/>.</summary>
    public int RevisionContaining(long offset)
    {
        foreach (var revision in latest.Revisions)
        {
            if (offset < revision.EofOffset)
                return revision.Number;
        }
        return Count;
    }

    /// <summary>A read-only view of the first <c>length</c> bytes of a seekable stream, which it shares.</summary>
    sealed class PrefixStream(Stream inner, long length) : Stream
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
    }
}
