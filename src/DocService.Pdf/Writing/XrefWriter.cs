using System.Globalization;
using DocService.Pdf.Objects;

namespace DocService.Pdf.Writing;

/// <summary>Writes the cross-reference of an appended section: as a classic table or as an xref stream.</summary>
internal static class XrefWriter
{
    /// <summary>A classic table: contiguous runs as subsections, each entry exactly 20 bytes (§7.5.4).</summary>
    public static void WriteTable(PdfOutput output, IReadOnlyDictionary<ObjectId, long> offsets)
    {
        output.WriteAscii("xref\n");
        foreach (var run in Runs(offsets.Keys))
        {
            output.WriteAscii($"{run[0].Number} {run.Count}\n");
            foreach (var id in run)
                output.WriteAscii(string.Create(CultureInfo.InvariantCulture, $"{offsets[id]:D10} {id.Generation:D5} n\r\n"));
        }
    }

    /// <summary>An uncompressed xref stream listing type-1 entries (§7.5.8); <paramref name="dictionary"/> supplies the trailer keys.</summary>
    public static PdfStream BuildStream(IReadOnlyDictionary<ObjectId, long> offsets, PdfDictionary dictionary)
    {
        var offsetWidth = BytesNeeded(offsets.Values.DefaultIfEmpty(0).Max());
        const int generationWidth = 2;
        var rowLength = 1 + offsetWidth + generationWidth;

        var index = new List<long>();
        var data = new byte[offsets.Count * rowLength];
        var row = 0;
        foreach (var run in Runs(offsets.Keys))
        {
            index.Add(run[0].Number);
            index.Add(run.Count);
            foreach (var id in run)
            {
                var span = data.AsSpan(row++ * rowLength, rowLength);
                span[0] = 1;
                WriteBigEndian(span.Slice(1, offsetWidth), offsets[id]);
                WriteBigEndian(span.Slice(1 + offsetWidth, generationWidth), id.Generation);
            }
        }
        var streamDictionary = dictionary
            .With(PdfName.Type, PdfName.XRef)
            .With(PdfName.W, PdfArray.OfIntegers(1, offsetWidth, generationWidth))
            .With(PdfName.Index, PdfArray.OfIntegers(index));
        return new PdfStream(streamDictionary, data);
    }

    private static List<List<ObjectId>> Runs(IEnumerable<ObjectId> ids)
    {
        var runs = new List<List<ObjectId>>();
        foreach (var id in ids.OrderBy(i => i.Number))
        {
            if (runs.Count > 0 && runs[^1][^1].Number + 1 == id.Number)
                runs[^1].Add(id);
            else
                runs.Add([id]);
        }
        return runs;
    }

    private static int BytesNeeded(long value)
    {
        var bytes = 1;
        while (value >= 1L << (8 * bytes))
            bytes++;
        return bytes;
    }

    private static void WriteBigEndian(Span<byte> destination, long value)
    {
        for (var i = destination.Length - 1; i >= 0; i--, value >>= 8)
            destination[i] = (byte)value;
    }
}
