using DocService.Pdf.Objects;
using DocService.Pdf.Parsing;

namespace DocService.Pdf.CrossReference;

/// <summary>Reads a classic <c>xref</c> table and its <c>trailer</c> (§7.5.4–7.5.5).</summary>
internal static class XrefTableReader
{
    public static XrefSection Read(PdfParser parser, long offset, PdfLimits limits)
    {
        var lexer = parser.Lexer;
        lexer.Position = offset;
        if (!lexer.Next().IsKeyword("xref"))
            throw new PdfSyntaxException("Expected 'xref'", offset);

        var entries = new Dictionary<int, XrefEntry>();
        while (true)
        {
            var token = lexer.Next();
            if (token.IsKeyword("trailer"))
                break;
            var count = lexer.Next();
            if (token.Kind != PdfTokenKind.Integer || count.Kind != PdfTokenKind.Integer || token.Integer < 0 || count.Integer < 0)
                throw new PdfSyntaxException("Expected a subsection header 'first count' or 'trailer'", token.Offset);
            if (token.Integer + count.Integer > limits.MaxObjectCount)
                throw new PdfLimitExceededException($"Xref subsection declares objects up to {token.Integer + count.Integer}", token.Offset);
            ReadSubsection(lexer, (int)token.Integer, (int)count.Integer, entries);
        }

        if (parser.ParseObject() is not PdfDictionary trailer)
            throw new PdfSyntaxException("Trailer is not a dictionary", lexer.Position);
        var kind = trailer.ContainsKey(PdfName.XRefStm) ? XrefKind.Hybrid : XrefKind.Table;
        return new XrefSection(offset, kind, entries, trailer, lexer.Position);
    }

    private static void ReadSubsection(PdfLexer lexer, int first, int count, Dictionary<int, XrefEntry> entries)
    {
        // Entries are nominally 20 bytes; reading them as tokens also accepts the 19- and
        // 21-byte variants (wrong EOL) that real writers produce.
        for (var i = 0; i < count; i++)
        {
            var offset = lexer.Next();
            var generation = lexer.Next();
            var type = lexer.Next();
            if (offset.Kind != PdfTokenKind.Integer || generation.Kind != PdfTokenKind.Integer
                || type.Kind != PdfTokenKind.Keyword || type.Text is not ("n" or "f"))
                throw new PdfSyntaxException("Malformed xref entry", offset.Offset);
            var number = first + i;
            var gen = (int)Math.Clamp(generation.Integer, 0, 65535);
            // Within one section the first entry for a number counts.
            entries.TryAdd(number, type.Text == "n" ? XrefEntry.InFile(offset.Integer, gen) : XrefEntry.Free(gen));
        }
    }
}
