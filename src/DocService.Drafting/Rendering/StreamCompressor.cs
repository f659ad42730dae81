using System.IO.Compression;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace DocService.Drafting.Rendering;

/// <summary>
/// Compresses the streams of a PDF that PDFsharp wrote uncompressed. PDFsharp 6.2.4's own Flate
/// streams end without the final deflate block and the Adler-32 checksum (qpdf warns "input stream
/// is complete but output may still be valid"; zlib never reports the end of the stream), so the
/// renderer writes without compression and this pass deflates each stream with .NET's zlib, which
/// finishes it properly. It matters: most of a rendered draft is its four embedded font subsets,
/// which shrink to under half (a two-page decision goes from about 180 KB to 80 KB).
/// </summary>
internal static class StreamCompressor
{
    /// <summary>Below this, the /Filter entry and zlib header cost about what deflating saves.</summary>
    const int MinimumLength = 128;

    public static MemoryStream Compress(MemoryStream uncompressed)
    {
        uncompressed.Position = 0;
        // The font subsets are only written while saving, so the streams are compressed in the saved file.
        using var document = PdfReader.Open(uncompressed, PdfDocumentOpenMode.Modify);
        foreach (var stream in document.Internals.GetAllObjects().OfType<PdfDictionary>().Where(Compressible))
        {
            stream.Stream.Value = Deflate(stream.Stream.Value);
            stream.Elements["/Filter"] = new PdfName("/FlateDecode");
        }
        document.Options.NoCompression = true;
        document.Options.CompressContentStreams = false;

        var compressed = new MemoryStream();
        document.Save(compressed, closeStream: false);
        compressed.Position = 0;
        return compressed;
    }

    // XMP metadata stays plain text, so tools that scan files for it (and PDF/A) find it.
    static bool Compressible(PdfDictionary dictionary) =>
        dictionary.Stream is { Value.Length: >= MinimumLength }
        && !dictionary.Elements.ContainsKey("/Filter")
        && dictionary.Elements.GetName("/Type") != "/Metadata";

    static byte[] Deflate(byte[] data)
    {
        using var buffer = new MemoryStream(data.Length / 2);
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(data);
        return buffer.ToArray();
    }
}
