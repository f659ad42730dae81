using System.IO.Compression;

namespace DocService.Pdf.Filters;

/// <summary>
/// zlib/deflate decoding with a ceiling on output size (the caller's, from the limits' size and expansion
/// ratio), so a few kilobytes of crafted input cannot inflate into gigabytes (a "Flate bomb"). Output is refused
/// before it passes the ceiling, never after it was held.
/// </summary>
internal static class FlateDecoder
{
    public static byte[] Decode(Stream compressed, long compressedLength, long ceiling, long offset)
    {
        using var output = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            using var zlib = new ZLibStream(compressed, CompressionMode.Decompress, leaveOpen: true);
            int read;
            while ((read = zlib.Read(buffer)) > 0)
            {
                if (output.Length + read > ceiling)
                    throw new PdfLimitExceededException(
                        $"Flate stream of {compressedLength} bytes expands past {ceiling} bytes", offset);
                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            // Many writers end streams without a valid Adler-32 or with trailing junk; what was
            // inflated before the damage is what every viewer shows, so keep it.
            if (output.Length == 0)
                throw new PdfSyntaxException($"Flate data is corrupt: {e.Message}", offset, e);
        }
        return output.ToArray();
    }
}
