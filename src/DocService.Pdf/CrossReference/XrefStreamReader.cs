using DocService.Pdf.Filters;
using DocService.Pdf.Objects;
using DocService.Pdf.Parsing;

namespace DocService.Pdf.CrossReference;

/// <summary>Reads a cross-reference stream (§7.5.8): /W field widths, /Index ranges, PNG-predicted Flate data.</summary>
internal static class XrefStreamReader
{
    public static XrefSection Read(PdfParser parser, long offset, PdfLimits limits)
    {
        var indirect = parser.ParseIndirectObject(offset);
        if (indirect.Value is not PdfStream stream || stream.Dictionary[PdfName.Type] is not PdfName { Value: "XRef" })
            throw new PdfSyntaxException("Expected a cross-reference stream (/Type /XRef)", offset);
        var endOffset = parser.Lexer.Position;
        var dictionary = stream.Dictionary;

        var widths = ReadWidths(dictionary, offset);
        var size = dictionary.GetInteger(PdfName.Size) ?? 0;
        var ranges = ReadRanges(dictionary, size, offset, limits);
        var entryLength = widths[0] + widths[1] + widths[2];
        var declared = ranges.Sum(r => (long)r.Count);
        // Each entry names an object in this file, so a file holds fewer entries than it has bytes; with the PNG
        // predictor's tag byte per row that bounds what the data may inflate to, whatever /Size claims.
        var entriesPossible = Math.Min(declared, parser.Lexer.Input.Length);
        var data = StreamDecoder.Decode(stream, limits, offset, maxDecodedBytes: (entriesPossible + 1) * (entryLength + 1));

        if (entryLength == 0 || declared * entryLength > data.Length + entryLength)
            throw new PdfSyntaxException($"Xref stream declares {declared} entries but holds {data.Length} bytes", offset);

        var entries = new Dictionary<int, XrefEntry>();
        var position = 0;
        foreach (var (first, count) in ranges)
        {
            for (var i = 0; i < count && position + entryLength <= data.Length; i++, position += entryLength)
            {
                var row = data.AsSpan(position, entryLength);
                // A zero-width type field means type 1 (§7.5.8.2, Table 17).
                var type = widths[0] == 0 ? 1 : ReadField(row[..widths[0]]);
                var field2 = ReadField(row.Slice(widths[0], widths[1]));
                var field3 = ReadField(row.Slice(widths[0] + widths[1], widths[2]));
                var entry = type switch
                {
                    0 => XrefEntry.Free((int)Math.Clamp(field3, 0, 65535)),
                    1 => XrefEntry.InFile(field2, (int)Math.Clamp(field3, 0, 65535)),
                    2 => XrefEntry.InObjectStream((int)Math.Clamp(field2, 0, int.MaxValue), (int)Math.Clamp(field3, 0, int.MaxValue)),
                    _ => (XrefEntry?)null, // unknown types are to be ignored (treated as null objects)
                };
                if (entry is { } e)
                    entries.TryAdd(first + i, e);
            }
        }
        return new XrefSection(offset, XrefKind.Stream, entries, dictionary, endOffset);
    }

    private static int[] ReadWidths(PdfDictionary dictionary, long offset)
    {
        if (dictionary[PdfName.W] is not PdfArray { Count: 3 } w || w.Any(v => v is not PdfInteger { Value: >= 0 and <= 8 }))
            throw new PdfSyntaxException("Xref stream /W must be three integers 0–8", offset);
        return w.Select(v => (int)((PdfInteger)v).Value).ToArray();
    }

    private static List<(int First, int Count)> ReadRanges(PdfDictionary dictionary, long size, long offset, PdfLimits limits)
    {
        var ranges = new List<(int, int)>();
        if (dictionary[PdfName.Index] is PdfArray index)
        {
            for (var i = 0; i + 1 < index.Count; i += 2)
            {
                if (index[i] is not PdfInteger { Value: >= 0 } first || index[i + 1] is not PdfInteger { Value: >= 0 } count)
                    throw new PdfSyntaxException("Xref stream /Index must hold non-negative integers", offset);
                ranges.Add(CheckedRange(first.Value, count.Value, offset, limits));
            }
        }
        else
        {
            ranges.Add(CheckedRange(0, size, offset, limits));
        }
        return ranges;
    }

    private static (int, int) CheckedRange(long first, long count, long offset, PdfLimits limits)
    {
        if (first < 0 || count < 0 || first + count > limits.MaxObjectCount)
            throw new PdfLimitExceededException($"Xref stream declares objects up to {first + count}", offset);
        return ((int)first, (int)count);
    }

    private static long ReadField(ReadOnlySpan<byte> bytes)
    {
        long value = 0;
        foreach (var b in bytes)
            value = (value << 8) | b;
        return value;
    }
}
