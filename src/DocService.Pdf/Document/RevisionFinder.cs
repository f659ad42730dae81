using DocService.Pdf.CrossReference;
using DocService.Pdf.IO;
using DocService.Pdf.Objects;
using DocService.Pdf.Parsing;

namespace DocService.Pdf.Document;

/// <summary>
/// Finds where each revision ends. With an intact /Prev chain, a revision ends at the first
/// <c>%%EOF</c> after its cross-reference section; sections that share one marker (a linearized
/// file's first-page section and main section, a hybrid table and its stream) are one revision.
/// When the chain is broken, every <c>startxref N %%EOF</c> in the file marks a revision end.
/// Both match counting the markers that /ByteRange values end at.
/// </summary>
internal static class RevisionFinder
{
    private static readonly byte[] EofMarker = "%%EOF"u8.ToArray();
    private static readonly byte[] StartXrefKeyword = "startxref"u8.ToArray();

    public static IReadOnlyList<PdfRevision> FromChain(RandomAccessInput input, IReadOnlyList<XrefSection> newestFirst)
    {
        var byEof = new Dictionary<long, XrefSection>();
        foreach (var section in newestFirst)
        {
            var marker = input.IndexOf(EofMarker, section.EndOffset);
            var eof = marker < 0 ? input.Length : marker + EofMarker.Length;
            byEof.TryAdd(eof, section);
        }
        return byEof.OrderBy(pair => pair.Key)
            .Select((pair, i) => new PdfRevision(i + 1, pair.Value.Offset, pair.Value.Kind, pair.Key, AfterEol(input, pair.Key), pair.Value.Trailer))
            .ToList();
    }

    /// <param name="input">The whole file.</param>
    /// <param name="limits">Bounds for reading sections not read yet.</param>
    /// <param name="known">Sections already read; others are read here when their offset is usable.</param>
    /// <param name="fallbackTrailer">Trailer for a revision whose own section cannot be read.</param>
    public static IReadOnlyList<PdfRevision> FromMarkers(RandomAccessInput input, PdfLimits limits,
        IReadOnlyList<XrefSection> known, PdfDictionary fallbackTrailer)
    {
        var parser = new PdfParser(new PdfLexer(input, limits), limits);
        var revisions = new List<PdfRevision>();
        Span<byte> marker = stackalloc byte[EofMarker.Length];
        foreach (var at in input.FindAll(StartXrefKeyword))
        {
            parser.Lexer.Position = at + StartXrefKeyword.Length;
            var value = parser.Lexer.Next();
            var position = parser.Lexer.Position;
            while (PdfLexer.IsWhitespace(input.ByteAt(position)))
                position++;
            if (value.Kind != PdfTokenKind.Integer || input.Read(position, marker) != marker.Length || !marker.SequenceEqual(EofMarker))
                continue;
            var eof = position + EofMarker.Length;
            var section = known.FirstOrDefault(s => s.Offset == value.Integer) ?? TryReadSection(parser, value.Integer, limits);
            revisions.Add(new PdfRevision(revisions.Count + 1, section?.Offset ?? -1, section?.Kind ?? XrefKind.Recovered,
                eof, AfterEol(input, eof), section?.Trailer ?? fallbackTrailer));
        }
        if (revisions.Count == 0)
            revisions.Add(new PdfRevision(1, -1, XrefKind.Recovered, input.Length, input.Length, fallbackTrailer));
        return revisions;
    }

    private static XrefSection? TryReadSection(PdfParser parser, long offset, PdfLimits limits)
    {
        try
        {
            return XrefChainReader.ReadSection(parser, offset, limits);
        }
        catch (PdfSyntaxException e) when (e is not PdfLimitExceededException)
        {
            return null;
        }
    }

    private static long AfterEol(RandomAccessInput input, long position)
    {
        if (input.ByteAt(position) == '\r')
            position++;
        if (input.ByteAt(position) == '\n')
            position++;
        return position;
    }
}
