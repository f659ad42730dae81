namespace DocService.Pdf.Objects;

/// <summary>
/// A stream object: its dictionary and its raw (still encoded) bytes. Data read from a file stays
/// in the file until asked for, so a 200 MB scan is never held in memory by parsing it.
/// </summary>
public sealed record PdfStream(PdfDictionary Dictionary, StreamData Data) : PdfObject
{
    public PdfStream(PdfDictionary dictionary, ReadOnlyMemory<byte> rawBytes)
        : this(dictionary, new InMemoryStreamData(rawBytes)) { }
}

/// <summary>Where a stream's raw bytes live.</summary>
public abstract record StreamData
{
    public abstract long Length { get; }

    /// <summary>A read-only view of the raw bytes.</summary>
    public abstract Stream OpenRead();
}

public sealed record InMemoryStreamData(ReadOnlyMemory<byte> Bytes) : StreamData
{
    public override long Length => Bytes.Length;

    public override Stream OpenRead() => new MemoryStream(Bytes.ToArray(), writable: false);
}

/// <summary>Raw bytes left in the source file at <see cref="Offset"/>.</summary>
public sealed record FileStreamData(IO.RandomAccessInput Input, long Offset, long DataLength) : StreamData
{
    public override long Length => DataLength;

    public override Stream OpenRead() => new IO.InputSliceStream(Input, Offset, DataLength);
}
