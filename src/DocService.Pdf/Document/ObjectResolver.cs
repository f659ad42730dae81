using DocService.Pdf.CrossReference;
using DocService.Pdf.IO;
using DocService.Pdf.Objects;
using DocService.Pdf.Parsing;

namespace DocService.Pdf.Document;

/// <summary>
/// Turns object numbers into objects on demand, caching what it read. An entry whose offset does
/// not hold the object it claims (a common defect) is looked up again in a full scan of the file.
/// </summary>
internal sealed class ObjectResolver
{
    private readonly PdfLimits _limits;
    private readonly PdfParser _parser;
    private readonly IReadOnlyDictionary<int, XrefEntry> _entries;
    private readonly Lazy<RecoveredObjects> _recovered;
    private readonly bool _entriesAreComplete;
    private readonly Dictionary<int, PdfObject> _cache = [];
    private readonly Dictionary<int, ObjectStreamContent> _objectStreams = [];
    private readonly HashSet<int> _resolving = [];

    public ObjectResolver(RandomAccessInput input, PdfLimits limits, IReadOnlyDictionary<int, XrefEntry> entries,
        bool entriesAreComplete, Lazy<RecoveredObjects> recovered)
    {
        _limits = limits;
        _entries = entries;
        _entriesAreComplete = entriesAreComplete;
        _recovered = recovered;
        _parser = new PdfParser(new PdfLexer(input, limits), limits, reference => Resolve(reference.Id));
    }

    public PdfObject Resolve(PdfObject? value) => value switch
    {
        null => PdfNull.Instance,
        PdfReference reference => Resolve(reference.Id),
        _ => value,
    };

    /// <summary>The object, or <see cref="PdfNull"/> when it does not exist (§7.3.10: such references mean null).</summary>
    public PdfObject Resolve(ObjectId id)
    {
        if (_cache.TryGetValue(id.Number, out var cached))
            return cached;
        if (!_resolving.Add(id.Number))
            throw new PdfSyntaxException($"Object {id} depends on itself while being read", OffsetOf(id.Number));
        try
        {
            var value = Load(id.Number);
            _cache[id.Number] = value;
            return value;
        }
        finally
        {
            _resolving.Remove(id.Number);
        }
    }

    /// <summary>Byte offset where the object (or its object stream) starts, for error messages; -1 if unknown.</summary>
    public long OffsetOf(int number) => EntryFor(number) switch
    {
        { Kind: XrefEntryKind.InFile } e => e.Offset,
        { Kind: XrefEntryKind.InObjectStream } e when e.ObjectStreamNumber != number => OffsetOf(e.ObjectStreamNumber),
        _ => -1,
    };

    private XrefEntry? EntryFor(int number)
    {
        if (_entries.TryGetValue(number, out var entry))
            return entry;
        if (!_entriesAreComplete && _recovered.Value.Entries.TryGetValue(number, out entry))
            return entry;
        return null;
    }

    private PdfObject Load(int number)
    {
        if (EntryFor(number) is not { } entry)
            return PdfNull.Instance;
        try
        {
            return LoadEntry(number, entry);
        }
        catch (PdfSyntaxException e) when (e is not PdfLimitExceededException && _recovered.Value.Entries.TryGetValue(number, out var found) && found != entry)
        {
            return LoadEntry(number, found);
        }
    }

    private PdfObject LoadEntry(int number, XrefEntry entry)
    {
        switch (entry.Kind)
        {
            case XrefEntryKind.InFile:
                var indirect = _parser.ParseIndirectObject(entry.Offset);
                if (indirect.Id.Number != number)
                    throw new PdfSyntaxException($"Xref points object {number} at object {indirect.Id}", entry.Offset);
                return indirect.Value;
            case XrefEntryKind.InObjectStream:
                return ObjectStream(entry.ObjectStreamNumber).Get(number, entry.IndexInObjectStream);
            default:
                return PdfNull.Instance;
        }
    }

    private ObjectStreamContent ObjectStream(int number)
    {
        if (_objectStreams.TryGetValue(number, out var content))
            return content;
        var offset = OffsetOf(number);
        if (Resolve(new ObjectId(number, 0)) is not PdfStream stream)
            throw new PdfSyntaxException($"Object stream {number} is not a stream", offset);
        content = ObjectStreamContent.Read(stream, offset, _limits, Resolve);
        _objectStreams[number] = content;
        return content;
    }
}
