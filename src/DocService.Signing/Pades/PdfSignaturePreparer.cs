using System.Security.Cryptography;
using System.Text;
using DocService.Pdf.Document;
using DocService.Pdf.Writing;

namespace DocService.Signing.Pades;

/// <summary>
/// The PDF half of signing, in two steps so the CMS can be made anywhere — here with a key the
/// service holds, or on an official's USB token between the two calls:
/// <see cref="Prepare"/> appends the signature with placeholders, fixes /ByteRange and returns
/// the digest of exactly the signed bytes; <see cref="Embed"/> writes the CMS into /Contents.
/// Nothing outside the /Contents hex string changes after Prepare.
/// </summary>
public static class PdfSignaturePreparer
{
    /// <param name="input">The document to sign, seekable.</param>
    /// <param name="output">Empty, readable, writable and seekable: it is read back for the digest and patched in place.</param>
    /// <param name="options">Which field, how it looks, what it permits afterwards.</param>
    public static PreparedPdfSignature Prepare(Stream input, Stream output, PadesSignatureOptions options)
    {
        if (!output.CanSeek || !output.CanRead || output.Length != 0)
            throw new ArgumentException("The output must be an empty, seekable, readable stream.", nameof(output));

        var document = PdfDocument.Open(input);
        if (options.SubFilter == PadesSubFilter.EtsiRfc3161)
            SigningPermissions.CheckDocumentTimestamp(document, options.FieldName);
        else
            SigningPermissions.Check(document, options.FieldName, options.Certify is not null);
        var update = new IncrementalUpdate(document);
        new SignatureFieldWriter(document, update).Write(options);
        var written = update.WriteTo(output);

        var contents = written.Placeholders[SignatureDictionary.ContentsKey];
        long[] byteRange = [0, contents.Offset, contents.End, written.Length - contents.End];
        Patch(output, written.Placeholders[SignatureDictionary.ByteRangeKey], ByteRangeText(byteRange, written.Placeholders[SignatureDictionary.ByteRangeKey]));
        var digest = Digest(output, byteRange, options.DigestAlgorithm);
        return new PreparedPdfSignature(byteRange, contents, digest, options.DigestAlgorithm);
    }

    /// <summary>Writes the DER CMS into the reserved /Contents, padded with zeros.</summary>
    public static void Embed(Stream output, PreparedPdfSignature prepared, ReadOnlySpan<byte> cms)
    {
        var capacity = (int)(prepared.Contents.Length - 2) / 2;
        if (cms.Length > capacity)
            throw new ContentsTooSmallException(cms.Length, capacity);
        var text = new StringBuilder((int)prepared.Contents.Length)
            .Append('<').Append(Convert.ToHexString(cms)).Append('0', (capacity - cms.Length) * 2).Append('>');
        Patch(output, prepared.Contents, Encoding.ASCII.GetBytes(text.ToString()));
        output.Position = output.Length;
    }

    static byte[] ByteRangeText(long[] byteRange, ByteSpan placeholder)
    {
        var text = $"[{byteRange[0]} {byteRange[1]} {byteRange[2]} {byteRange[3]}]";
        if (text.Length > placeholder.Length)
            throw new InvalidOperationException("The ByteRange placeholder is too short for this file's offsets.");
        // Trailing spaces keep every later offset where the placeholder put it.
        return Encoding.ASCII.GetBytes(text.PadRight((int)placeholder.Length));
    }

    static void Patch(Stream output, ByteSpan span, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != span.Length)
            throw new InvalidOperationException($"A patch must have exactly the placeholder's {span.Length} bytes.");
        output.Position = span.Offset;
        output.Write(bytes);
    }

    static byte[] Digest(Stream output, long[] byteRange, DigestAlgorithm algorithm)
    {
        using var hash = IncrementalHash.CreateHash(algorithm.HashAlgorithmName());
        var buffer = new byte[128 * 1024];
        for (var i = 0; i < byteRange.Length; i += 2)
        {
            output.Position = byteRange[i];
            var remaining = byteRange[i + 1];
            while (remaining > 0)
            {
                var read = output.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
                if (read == 0)
                    throw new EndOfStreamException("The output ended inside the signed byte range.");
                hash.AppendData(buffer, 0, read);
                remaining -= read;
            }
        }
        return hash.GetHashAndReset();
    }
}

/// <summary>The signed byte range, where the CMS goes, and the digest the CMS must carry.</summary>
public sealed record PreparedPdfSignature(long[] ByteRange, ByteSpan Contents, byte[] Digest, DigestAlgorithm DigestAlgorithm);

public sealed class ContentsTooSmallException(int needed, int reserved)
    : Exception($"The signature needs {needed} bytes but {reserved} were reserved in /Contents; sign again with a larger reservation.")
{
    public int Needed { get; } = needed;
}
