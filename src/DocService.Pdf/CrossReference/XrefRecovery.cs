using DocService.Pdf.IO;
using DocService.Pdf.Objects;
using DocService.Pdf.Parsing;

namespace DocService.Pdf.CrossReference;

/// <summary>What a full scan of the file found: the latest copy of every object and the newest trailer.</summary>
internal sealed record RecoveredObjects(IReadOnlyDictionary<int, XrefEntry> Entries, PdfDictionary? Trailer);

/// <summary>
/// Rebuilds the cross-reference by scanning for <c>N G obj</c>, as every viewer does when offsets
/// are wrong or the xref is missing. Later copies win, because incremental updates append.
/// A trailer (classic, or an xref stream's dictionary) must be found: a file cut short before
/// any trailer is refused rather than guessed at.
/// </summary>
internal static class XrefRecovery
{
    public static RecoveredObjects Scan(RandomAccessInput input, PdfLimits limits)
    {
        var parser = new PdfParser(new PdfLexer(input, limits), limits);
        var found = new Dictionary<int, (XrefEntry Entry, long Position)>();
        PdfDictionary? trailer = null;

        foreach (var (id, offset) in FindObjectHeaders(input))
        {
            if (found.Count >= limits.MaxObjectCount)
                throw new PdfLimitExceededException($"More than {limits.MaxObjectCount} objects", offset);
            found[id.Number] = (XrefEntry.InFile(offset, id.Generation), offset);
            switch (TryParse(parser, offset))
            {
                case PdfStream { Dictionary: var d } when IsType(d, "XRef") && d.ContainsKey(PdfName.Root):
                    trailer = d;
                    break;
                case PdfStream { Dictionary: var d } stream when IsType(d, "ObjStm"):
                    AddObjectStreamMembers(stream, id.Number, offset, limits, found);
                    break;
            }
        }

        foreach (var offset in FindKeyword(input, "trailer"u8.ToArray()))
        {
            parser.Lexer.Position = offset + "trailer".Length;
            if (TryParseObject(parser) is PdfDictionary d && d.ContainsKey(PdfName.Root))
                trailer = d;
        }

        return new RecoveredObjects(found.ToDictionary(f => f.Key, f => f.Value.Entry), trailer);
    }

    private static IEnumerable<(ObjectId Id, long Offset)> FindObjectHeaders(RandomAccessInput input)
    {
        foreach (var at in FindKeyword(input, "obj"u8.ToArray()))
        {
            if (PdfLexer.IsRegular(input.ByteAt(at + 3)))
                continue;
            var position = at - 1;
            if (!SkipWhitespaceBack(input, ref position) || ReadDigitsBack(input, ref position) is not { } generation)
                continue;
            if (!SkipWhitespaceBack(input, ref position) || ReadDigitsBack(input, ref position) is not { } number)
                continue;
            if (position >= 0 && PdfLexer.IsRegular(input.ByteAt(position)))
                continue;
            if (number <= int.MaxValue && generation <= 65535)
                yield return (new ObjectId((int)number, (int)generation), position + 1);
        }
    }

    private static IEnumerable<long> FindKeyword(RandomAccessInput input, byte[] keyword) => input.FindAll(keyword);

    private static bool SkipWhitespaceBack(RandomAccessInput input, ref long position)
    {
        var start = position;
        while (position >= 0 && PdfLexer.IsWhitespace(input.ByteAt(position)))
            position--;
        return position < start;
    }

    private static long? ReadDigitsBack(RandomAccessInput input, ref long position)
    {
        long value = 0, scale = 1;
        var digits = 0;
        while (position >= 0 && input.ByteAt(position) is >= '0' and <= '9' and var b && digits < 10)
        {
            value += (b - '0') * scale;
            scale *= 10;
            digits++;
            position--;
        }
        return digits > 0 ? value : null;
    }

    private static PdfObject? TryParse(PdfParser parser, long offset)
    {
        try
        {
            return parser.ParseIndirectObject(offset).Value;
        }
        catch (PdfSyntaxException e) when (e is not PdfLimitExceededException)
        {
            return null;
        }
    }

    private static PdfObject? TryParseObject(PdfParser parser)
    {
        try
        {
            return parser.ParseObject();
        }
        catch (PdfSyntaxException e) when (e is not PdfLimitExceededException)
        {
            return null;
        }
    }

    private static void AddObjectStreamMembers(PdfStream stream, int streamNumber, long offset, PdfLimits limits,
        Dictionary<int, (XrefEntry Entry, long Position)> found)
    {
        IReadOnlyList<(int Number, long Offset)> members;
        try
        {
            members = ObjectStreamContent.Read(stream, offset, limits, o => o).Members;
        }
        catch (PdfException e) when (e is not PdfLimitExceededException)
        {
            return;
        }
        for (var i = 0; i < members.Count; i++)
        {
            // A member counts as written where its object stream is; a later direct copy wins.
            if (!found.TryGetValue(members[i].Number, out var existing) || existing.Position < offset)
                found[members[i].Number] = (XrefEntry.InObjectStream(streamNumber, i), offset);
        }
    }

    private static bool IsType(PdfDictionary dictionary, string type) =>
        dictionary[PdfName.Type] is PdfName name && name.Value == type;
}
