using DocService.Pdf.CrossReference;
using DocService.Pdf.Document;
using DocService.Pdf.Objects;

namespace DocService.Pdf.Writing;

/// <summary>What an incremental update wrote. Offsets are from the start of the output.</summary>
/// <param name="UpdateOffset">Where the appended bytes start (the original length, plus one if an EOL had to be added).</param>
/// <param name="XrefOffset">The new <c>startxref</c> value.</param>
/// <param name="Length">Total output length.</param>
/// <param name="ObjectOffsets">Where each written object's <c>N G obj</c> starts.</param>
/// <param name="Placeholders">Spans of every <see cref="PdfPlaceholder"/> written, by key.</param>
public sealed record IncrementalUpdateResult(long UpdateOffset, long XrefOffset, long Length,
    IReadOnlyDictionary<ObjectId, long> ObjectOffsets, IReadOnlyDictionary<string, ByteSpan> Placeholders);

/// <summary>
/// Appends changed and new objects after a document's last byte (§7.5.6). The original bytes are
/// copied unchanged, so every earlier revision — and every signature over it — stays intact.
/// The new cross-reference section has the flavour of the file's newest one: a table after a
/// table, an xref stream after a stream, and after a hybrid section a table whose trailer points
/// through /XRefStm to an xref stream listing the same objects (so both kinds of reader agree).
/// </summary>
public sealed class IncrementalUpdate
{
    private readonly PdfDocument _document;
    private readonly SortedDictionary<int, (ObjectId Id, PdfObject? Value)> _objects = [];
    private int _nextNumber;

    public IncrementalUpdate(PdfDocument document)
    {
        if (document.IsEncrypted)
            throw new PdfUnsupportedFeatureException("Encrypted documents cannot be updated: new objects would have to be encrypted.");
        if (document.WasRecovered)
            throw new PdfUnsupportedFeatureException(
                "The cross-reference of this file is broken (objects were found by scanning); an appended section could not chain to it.");
        _document = document;
        _nextNumber = document.NextObjectNumber;
    }

    /// <summary>Adds a new object under the next free number.</summary>
    public PdfReference Add(PdfObject value)
    {
        var reference = Reserve();
        Set(reference, value);
        return reference;
    }

    /// <summary>Allocates a number now and lets the value come later (objects that refer to each other).</summary>
    public PdfReference Reserve()
    {
        var id = new ObjectId(_nextNumber++, 0);
        _objects[id.Number] = (id, null);
        return new PdfReference(id);
    }

    /// <summary>Gives a reserved (or already added) object its value.</summary>
    public void Set(PdfReference reference, PdfObject value)
    {
        if (!_objects.TryGetValue(reference.Id.Number, out var existing) || existing.Id != reference.Id)
            throw new ArgumentException($"Object {reference.Id} was not reserved in this update; use Replace for existing objects.", nameof(reference));
        _objects[reference.Id.Number] = (reference.Id, value);
    }

    /// <summary>Writes a new version of an existing object; its generation is kept.</summary>
    public PdfReference Replace(int number, PdfObject value)
    {
        if (!_document.CrossReference.TryGetValue(number, out var entry) || entry.Kind == XrefEntryKind.Free)
            throw new ArgumentException($"Object {number} does not exist in the document.", nameof(number));
        var id = new ObjectId(number, _document.GenerationOf(number));
        _objects[number] = (id, value);
        return new PdfReference(id);
    }

    /// <summary>
    /// Copies the original to <paramref name="output"/> (a different stream from the one the
    /// document was opened on; it need not be seekable) and appends the update.
    /// </summary>
    public IncrementalUpdateResult WriteTo(Stream output)
    {
        CopyOriginalTo(output);
        return WriteAppendedSection(output);
    }

    /// <summary>The length of the document being updated: where its appended section begins.</summary>
    public long OriginalLength => _document.Input.Length;

    /// <summary>Copies the original bytes unchanged; <paramref name="observe"/> sees each chunk on its way (to hash it in the same pass).</summary>
    public void CopyOriginalTo(Stream output, Action<ReadOnlySpan<byte>>? observe = null) =>
        _document.Input.CopyTo(output, 0, _document.Input.Length, observe);

    /// <summary>
    /// Writes only the bytes that follow the original — the update itself, with offsets counted
    /// from the start of the whole file — for a caller that keeps (or copies) the original on its
    /// own: a signer that hashes the original while copying it, or a store that keeps a revision
    /// as the bytes it adds.
    /// </summary>
    public IncrementalUpdateResult WriteAppendedSection(Stream output)
    {
        var unset = _objects.Values.Where(o => o.Value is null).Select(o => o.Id.ToString()).ToList();
        if (unset.Count > 0)
            throw new InvalidOperationException($"Objects reserved but never set: {string.Join(", ", unset)}.");

        var input = _document.Input;
        var writer = new PdfOutput(output, input.Length);
        // The appended section must start on a new line, or "%%EOF1 0 obj" would hide both.
        if (input.Length > 0 && input.ByteAt(input.Length - 1) is not ('\n' or '\r'))
            writer.WriteAscii("\n");
        var updateOffset = writer.Position;

        var offsets = new Dictionary<ObjectId, long>();
        foreach (var (id, value) in _objects.Values)
        {
            offsets[id] = writer.Position;
            writer.WriteIndirectObject(id, value!);
        }

        var xrefOffset = _document.LatestXrefKind switch
        {
            XrefKind.Stream => WriteStreamSection(writer, offsets),
            XrefKind.Hybrid => WriteHybridSection(writer, offsets),
            _ => WriteTableSection(writer, offsets, TrailerEntries(offsets)),
        };
        writer.WriteAscii($"startxref\n{xrefOffset}\n%%EOF\n");
        return new IncrementalUpdateResult(updateOffset, xrefOffset, writer.Position, offsets, writer.Placeholders);
    }

    private static long WriteTableSection(PdfOutput writer, Dictionary<ObjectId, long> offsets, PdfDictionary trailer)
    {
        var xrefOffset = writer.Position;
        XrefWriter.WriteTable(writer, offsets);
        writer.WriteAscii("trailer\n");
        writer.WriteObject(trailer);
        writer.WriteAscii("\n");
        return xrefOffset;
    }

    private long WriteStreamSection(PdfOutput writer, Dictionary<ObjectId, long> offsets)
    {
        var streamId = new ObjectId(_nextNumber, 0);
        var xrefOffset = writer.Position;
        offsets[streamId] = xrefOffset;
        writer.WriteIndirectObject(streamId, XrefWriter.BuildStream(offsets, TrailerEntries(offsets)));
        return xrefOffset;
    }

    private long WriteHybridSection(PdfOutput writer, Dictionary<ObjectId, long> offsets)
    {
        var streamId = new ObjectId(_nextNumber, 0);
        var streamOffset = writer.Position;
        offsets[streamId] = streamOffset;
        // The hidden stream carries no /Prev: the table's trailer chains for both (§7.5.8.4).
        var streamTrailer = TrailerEntries(offsets).Without(PdfName.Prev);
        writer.WriteIndirectObject(streamId, XrefWriter.BuildStream(offsets, streamTrailer));
        var trailer = TrailerEntries(offsets).With(PdfName.XRefStm, new PdfInteger(streamOffset));
        return WriteTableSection(writer, offsets, trailer);
    }

    private PdfDictionary TrailerEntries(IReadOnlyDictionary<ObjectId, long> offsets)
    {
        var old = _document.Trailer;
        var size = Math.Max(_document.NextObjectNumber, offsets.Keys.Max(id => id.Number) + 1);
        var entries = new List<(string, PdfObject)> { ("Size", new PdfInteger(size)) };
        if (old[PdfName.Root] is { } root)
            entries.Add(("Root", root));
        if (old[PdfName.Info] is { } info)
            entries.Add(("Info", info));
        entries.Add(("ID", NewId(_document.Resolve(old[PdfName.ID]) as PdfArray)));
        entries.Add(("Prev", new PdfInteger(_document.StartXref)));
        return PdfDictionary.Of(entries);
    }

    /// <summary>§14.4: the first element identifies the document for good; the second changes with each update.</summary>
    private static PdfArray NewId(PdfArray? existing)
    {
        var changed = PdfString.Hex(Guid.NewGuid().ToByteArray());
        var permanent = existing is { Count: > 0 } && existing[0] is PdfString first ? first : changed;
        return new PdfArray(permanent, changed);
    }
}
