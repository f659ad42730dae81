namespace DocService.Pdf.CrossReference;

public enum XrefEntryKind
{
    Free,
    /// <summary>Stored uncompressed at a byte offset (type 1).</summary>
    InFile,
    /// <summary>Stored inside an object stream (type 2, PDF 1.5).</summary>
    InObjectStream,
}

/// <summary>One cross-reference entry (§7.5.4, §7.5.8.3).</summary>
public readonly record struct XrefEntry
{
    private XrefEntry(XrefEntryKind kind, long offset, int generation, int objectStream, int index)
    {
        Kind = kind;
        Offset = offset;
        Generation = generation;
        ObjectStreamNumber = objectStream;
        IndexInObjectStream = index;
    }

    public XrefEntryKind Kind { get; }

    /// <summary>Byte offset of <c>N G obj</c> (for <see cref="XrefEntryKind.InFile"/>).</summary>
    public long Offset { get; }

    public int Generation { get; }

    public int ObjectStreamNumber { get; }

    public int IndexInObjectStream { get; }

    public static XrefEntry Free(int generation) => new(XrefEntryKind.Free, 0, generation, 0, 0);

    public static XrefEntry InFile(long offset, int generation) => new(XrefEntryKind.InFile, offset, generation, 0, 0);

    public static XrefEntry InObjectStream(int objectStreamNumber, int index) =>
        new(XrefEntryKind.InObjectStream, 0, 0, objectStreamNumber, index);
}
