using System.Buffers;
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
    /// <param name="output">Empty and seekable (the CMS is patched in place later); it is never read back.</param>
    /// <param name="options">Which field, how it looks, what it permits afterwards.</param>
    public static PreparedPdfSignature Prepare(Stream input, Stream output, PadesSignatureOptions options)
    {
        if (!output.CanSeek || output.Length != 0)
            throw new ArgumentException("The output must be an empty, seekable stream.", nameof(output));

        var document = PdfDocument.Open(input);
        if (options.SubFilter == PadesSubFilter.EtsiRfc3161)
            SigningPermissions.CheckDocumentTimestamp(document, options.FieldName);
        else
            SigningPermissions.Check(document, options.FieldName, options.Certify is not null);
        var update = new IncrementalUpdate(document);
        new SignatureFieldWriter(document, update).Write(options);

        // The appended section is small (the signature dictionary and its reserved /Contents): it is
        // built in memory, its /ByteRange fixed there, and the digest taken in the same pass that
        // copies the original — the output is written once and never read back.
        using var section = new MemoryStream(options.ReservedContentsBytes * 2 + 16 * 1024);
        var written = update.WriteAppendedSection(section);
        var originalLength = update.OriginalLength;
        var contents = written.Placeholders[SignatureDictionary.ContentsKey];
        long[] byteRange = [0, contents.Offset, contents.End, written.Length - contents.End];
        var byteRangeSpan = written.Placeholders[SignatureDictionary.ByteRangeKey];
        var sectionBytes = section.GetBuffer().AsSpan(0, (int)section.Length);
        ByteRangeText(byteRange, byteRangeSpan).CopyTo(sectionBytes[(int)(byteRangeSpan.Offset - originalLength)..]);

        using var hash = IncrementalHash.CreateHash(options.DigestAlgorithm.HashAlgorithmName());
        update.CopyOriginalTo(output, hash.AppendData);
        hash.AppendData(sectionBytes[..(int)(contents.Offset - originalLength)]);
        hash.AppendData(sectionBytes[(int)(contents.End - originalLength)..]);
        output.Write(sectionBytes);
        return new PreparedPdfSignature(byteRange, contents, hash.GetHashAndReset(), options.DigestAlgorithm);
    }

    /// <summary>Writes the DER CMS into the reserved /Contents, padded with zeros.</summary>
    public static void Embed(Stream output, PreparedPdfSignature prepared, ReadOnlySpan<byte> cms)
    {
        var capacity = (int)(prepared.Contents.Length - 2) / 2;
        if (cms.Length > capacity)
            throw new ContentsTooSmallException(cms.Length, capacity);
        var text = ArrayPool<byte>.Shared.Rent((int)prepared.Contents.Length);
        try
        {
            var hex = text.AsSpan(0, (int)prepared.Contents.Length);
            hex.Fill((byte)'0');
            hex[0] = (byte)'<';
            hex[^1] = (byte)'>';
            if (!Convert.TryToHexString(cms, hex[1..^1], out _))
                throw new InvalidOperationException("The hex form of the CMS did not fit its reservation.");
            Patch(output, prepared.Contents, hex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(text);
        }
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
}

/// <summary>The signed byte range, where the CMS goes, and the digest the CMS must carry.</summary>
public sealed record PreparedPdfSignature(long[] ByteRange, ByteSpan Contents, byte[] Digest, DigestAlgorithm DigestAlgorithm);

public sealed class ContentsTooSmallException(int needed, int reserved)
    : Exception($"The signature needs {needed} bytes but {reserved} were reserved in /Contents; sign again with a larger reservation.")
{
    public int Needed { get; } = needed;
}
