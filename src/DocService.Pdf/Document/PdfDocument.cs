using DocService.Pdf.CrossReference;
using DocService.Pdf.Filters;
using DocService.Pdf.IO;
using DocService.Pdf.Objects;
using DocService.Pdf.Parsing;

namespace DocService.Pdf.Document;

/// <summary>
/// A PDF opened for reading: cross-reference, trailer, revisions, and objects resolved lazily.
/// The stream stays owned by the caller and must stay open and unchanged while this is used.
/// Encrypted files open (so they can be recognised and refused) but are not decrypted.
/// </summary>
public sealed class PdfDocument
{
    private static readonly byte[] HeaderMarker = "%PDF-"u8.ToArray();
    private const int HeaderSearchWindow = 1024;

    private readonly ObjectResolver _resolver;
    private readonly Lazy<PdfDictionary> _catalog;
    private readonly Lazy<IReadOnlyList<PdfPage>> _pages;
    private readonly Lazy<IReadOnlyList<PdfFormField>> _fields;

    private PdfDocument(RandomAccessInput input, PdfLimits limits, IReadOnlyDictionary<int, XrefEntry> entries,
        PdfDictionary trailer, IReadOnlyList<PdfRevision> revisions, XrefChain? chain, Lazy<RecoveredObjects> recovered)
    {
        Input = input;
        Limits = limits;
        CrossReference = entries;
        Trailer = trailer;
        Revisions = revisions;
        XrefSections = chain?.Sections ?? [];
        StartXref = chain?.Sections[0].Offset ?? -1;
        LatestXrefKind = chain?.Sections[0].Kind ?? XrefKind.Recovered;
        _resolver = new ObjectResolver(input, limits, entries, chain?.IsComplete ?? true, recovered);
        _catalog = new(() => Resolve(Trailer[PdfName.Root]) as PdfDictionary
            ?? throw new PdfSyntaxException("Trailer /Root is not a dictionary", StartXref));
        _pages = new(() => PageTreeReader.Read(this));
        _fields = new(() => AcroFormReader.Read(this));
    }

    /// <summary>Reads the cross-reference of <paramref name="stream"/> (seekable), recovering by scanning if it is broken.</summary>
    public static PdfDocument Open(Stream stream, PdfLimits? limits = null)
    {
        limits ??= PdfLimits.Default;
        var input = new RandomAccessInput(stream);
        if (input.IndexOf(HeaderMarker, 0, HeaderSearchWindow) < 0)
            throw new PdfSyntaxException("No %PDF- header in the first 1024 bytes: not a PDF", 0);

        var recovered = new Lazy<RecoveredObjects>(() => XrefRecovery.Scan(input, limits));
        var chain = XrefChainReader.TryRead(new PdfParser(new PdfLexer(input, limits), limits), limits);
        if (chain is not null)
        {
            var merged = new Dictionary<int, XrefEntry>();
            foreach (var section in chain.Sections)
            {
                foreach (var (number, entry) in section.Entries)
                    merged.TryAdd(number, entry);
            }
            var newest = chain.Sections[0];
            var revisions = chain.IsComplete
                ? RevisionFinder.FromChain(input, chain.Sections)
                : RevisionFinder.FromMarkers(input, limits, chain.Sections, newest.Trailer);
            return new PdfDocument(input, limits, merged, newest.Trailer, revisions, chain, recovered);
        }

        var scan = recovered.Value;
        var trailer = scan.Trailer
            ?? throw new PdfSyntaxException("No usable cross-reference and no trailer found: the file is damaged or truncated", input.Length);
        return new PdfDocument(input, limits, scan.Entries, trailer, RevisionFinder.FromMarkers(input, limits, [], trailer), null, recovered);
    }

    internal RandomAccessInput Input { get; }

    public PdfLimits Limits { get; }

    /// <summary>Length of the file when it was opened.</summary>
    public long Length => Input.Length;

    /// <summary>The newest trailer (for an xref stream, its dictionary).</summary>
    public PdfDictionary Trailer { get; }

    /// <summary>The newest entry for every object number, across all revisions.</summary>
    public IReadOnlyDictionary<int, XrefEntry> CrossReference { get; }

    /// <summary>Revisions, oldest first; the last one is the document as it is now.</summary>
    public IReadOnlyList<PdfRevision> Revisions { get; }

    /// <summary>
    /// Every cross-reference section read, newest first, each with its own entries and trailer
    /// (what a validator compares to see which objects a later revision changed). Empty when recovered.
    /// </summary>
    public IReadOnlyList<XrefSection> XrefSections { get; }

    /// <summary>
    /// Where the newest cross-reference section starts: the final <c>startxref</c> value, or the
    /// nearby offset where the section really is when that value was slightly off. An appended
    /// section's /Prev points here. -1 when the cross-reference was rebuilt by scanning.
    /// </summary>
    public long StartXref { get; }

    /// <summary>How the newest cross-reference section is written; an incremental update follows suit.</summary>
    public XrefKind LatestXrefKind { get; }

    /// <summary>True when no usable cross-reference existed and objects were found by scanning.</summary>
    public bool WasRecovered => LatestXrefKind == XrefKind.Recovered;

    /// <summary>True when the trailer has a non-null /Encrypt (some writers leave <c>/Encrypt null</c>).</summary>
    public bool IsEncrypted => Trailer[PdfName.Encrypt] is not (null or PdfNull);

    /// <summary>The document catalog (/Root).</summary>
    public PdfDictionary Catalog => _catalog.Value;

    public IReadOnlyList<PdfPage> Pages => _pages.Value;

    /// <summary>Terminal AcroForm fields, in tree order.</summary>
    public IReadOnlyList<PdfFormField> Fields => _fields.Value;

    /// <summary>The first object number free for new objects: /Size, or past the highest number in use if /Size lies.</summary>
    public int NextObjectNumber
    {
        get
        {
            var size = Trailer.GetInteger(PdfName.Size) ?? 0;
            var highest = CrossReference.Count == 0 ? 0 : CrossReference.Keys.Max() + 1L;
            return (int)Math.Clamp(Math.Max(size, highest), 1, int.MaxValue);
        }
    }

    /// <summary>Follows a reference; direct values are returned as they are, absent ones as <see cref="PdfNull"/>.</summary>
    public PdfObject Resolve(PdfObject? value) => _resolver.Resolve(value);

    public PdfObject GetObject(ObjectId id) => _resolver.Resolve(id);

    /// <summary>The generation an existing object has now (0 for objects in object streams or not present).</summary>
    public int GenerationOf(int number) =>
        CrossReference.TryGetValue(number, out var entry) && entry.Kind == XrefEntryKind.InFile ? entry.Generation : 0;

    /// <summary>Decodes a stream's data with this document's limits.</summary>
    public byte[] DecodeStream(PdfStream stream) =>
        StreamDecoder.Decode(stream, Limits, offset: -1, resolve: value => value is null ? null : Resolve(value));

    /// <summary>Resolves <c>dictionary[key]</c> and returns it when it has type <typeparamref name="T"/>.</summary>
    public T? Get<T>(PdfDictionary dictionary, PdfName key) where T : PdfObject => Resolve(dictionary[key]) as T;
}
