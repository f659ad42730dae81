using DocService.Pdf.Objects;
using DocService.Pdf.Parsing;

namespace DocService.Pdf.CrossReference;

/// <summary>The sections of a file, newest first, as reached from <c>startxref</c> through /Prev.</summary>
internal sealed record XrefChain(IReadOnlyList<XrefSection> Sections, bool IsComplete);

/// <summary>
/// Follows <c>startxref</c> and the /Prev chain (§7.5.6). Hybrid sections have their /XRefStm
/// entries folded in. A loop in /Prev is an attack or a broken writer and is refused.
/// </summary>
internal static class XrefChainReader
{
    private const int StartXrefSearchWindow = 4096;
    private const int NearbyWindow = 1024;

    /// <summary>The chain, or null when the newest section cannot be read at all (the caller then recovers).</summary>
    public static XrefChain? TryRead(PdfParser parser, PdfLimits limits)
    {
        if (FindStartXref(parser.Lexer) is not { } startXref)
            return null;

        var sections = new List<XrefSection>();
        var visited = new HashSet<long>();
        long? next = startXref;
        while (next is { } offset)
        {
            if (!visited.Add(offset))
                throw new PdfSyntaxException("Cross-reference /Prev chain loops back to an earlier section", offset);
            if (sections.Count >= limits.MaxXrefSections)
                throw new PdfLimitExceededException($"More than {limits.MaxXrefSections} cross-reference sections", offset);

            XrefSection section;
            try
            {
                section = ReadSectionNear(parser, offset, limits);
            }
            catch (PdfSyntaxException e) when (e is not PdfLimitExceededException)
            {
                // The newest section is needed to know anything; an older one only adds objects
                // that the scan-based fallback can still find.
                return sections.Count == 0 ? null : new XrefChain(sections, IsComplete: false);
            }
            sections.Add(section);
            next = section.Previous;
        }
        return new XrefChain(sections, IsComplete: true);
    }

    public static XrefSection ReadSection(PdfParser parser, long offset, PdfLimits limits)
    {
        if (offset < 0 || offset >= parser.Lexer.Input.Length)
            throw new PdfSyntaxException("Cross-reference offset points outside the file", offset);
        parser.Lexer.Position = offset;
        if (!parser.Lexer.Peek().IsKeyword("xref"))
            return XrefStreamReader.Read(parser, offset, limits);

        var table = XrefTableReader.Read(parser, offset, limits);
        if (table.Kind != XrefKind.Hybrid || table.Trailer.GetInteger(PdfName.XRefStm) is not (>= 0 and var streamOffset))
            return table;

        var hidden = XrefStreamReader.Read(parser, streamOffset, limits);
        var merged = new Dictionary<int, XrefEntry>(table.Entries);
        foreach (var (number, entry) in hidden.Entries)
        {
            // §7.5.8.4: the table wins; the stream supplies what the table lacks or lists as free.
            if (!merged.TryGetValue(number, out var existing) || existing.Kind == XrefEntryKind.Free)
                merged[number] = entry;
        }
        return table with { Entries = merged };
    }

    /// <summary>
    /// Reads the section at <paramref name="offset"/>, or a classic table starting close to it:
    /// editors that change a few bytes or line endings leave offsets slightly off, and viewers
    /// look nearby before giving up.
    /// </summary>
    private static XrefSection ReadSectionNear(PdfParser parser, long offset, PdfLimits limits)
    {
        try
        {
            return ReadSection(parser, offset, limits);
        }
        catch (PdfSyntaxException e) when (e is not PdfLimitExceededException)
        {
            var input = parser.Lexer.Input;
            var nearest = -1L;
            for (var at = input.IndexOf("xref"u8, offset - NearbyWindow, offset + NearbyWindow); at >= 0;
                 at = input.IndexOf("xref"u8, at + 4, offset + NearbyWindow))
            {
                var isKeyword = !PdfLexer.IsRegular(input.ByteAt(at - 1)) && !PdfLexer.IsRegular(input.ByteAt(at + 4));
                if (isKeyword && (nearest < 0 || Math.Abs(at - offset) < Math.Abs(nearest - offset)))
                    nearest = at;
            }
            if (nearest < 0)
                throw;
            return ReadSection(parser, nearest, limits);
        }
    }

    private static long? FindStartXref(PdfLexer lexer)
    {
        var input = lexer.Input;
        var at = input.LastIndexOf("startxref"u8, input.Length, Math.Max(0, input.Length - StartXrefSearchWindow));
        if (at < 0)
            return null;
        lexer.Position = at + "startxref".Length;
        var token = lexer.Next();
        return token.Kind == PdfTokenKind.Integer && token.Integer >= 0 ? token.Integer : null;
    }
}
