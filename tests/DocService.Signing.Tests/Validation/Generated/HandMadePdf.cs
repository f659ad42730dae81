using System.Security.Cryptography;
using System.Text;
using DocService.Signing.Cms;
using DocService.Signing.Tests.Support;

namespace DocService.Signing.Tests.Validation.Generated;

/// <summary>
/// PDFs written byte by byte, so a test can build exactly the structure a class of attack or a
/// quirk of another tool produces (a widget outside the form, two /Contents, a bent ByteRange),
/// signed for real with the development key over the ByteRange it declares.
/// </summary>
/// <remarks>
/// In the object bodies, <c>SIGNED_BYTERANGE</c> stands for the /ByteRange array and
/// <c>SIGNED_CONTENTS</c> for the /Contents hex string the signature goes into; both are filled in
/// after the file is laid out. Objects are numbered from 1 in the order given.
/// </remarks>
internal static class HandMadePdf
{
    const int ContentsBytes = 8192;
    const string ByteRangeMarker = "SIGNED_BYTERANGE";
    const string ContentsMarker = "SIGNED_CONTENTS";
    static readonly string ByteRangePlaceholder = "[0 " + new string(' ', 32) + "]";

    /// <summary>A one-revision file of the given objects (object 1 is the catalog).</summary>
    public static byte[] Write(IReadOnlyList<string> objects)
    {
        var pdf = new StringBuilder("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<int>();
        foreach (var (body, i) in objects.Select((b, i) => (b, i)))
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{Expand(body)}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R /ID [<0102030405060708> <0102030405060708>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Latin1(pdf.ToString());
    }

    /// <summary>Appends an incremental update that (re)defines the given objects by number.</summary>
    public static byte[] Append(byte[] pdf, IReadOnlyDictionary<int, string> objects, int rootNumber = 1)
    {
        var text = new StringBuilder(Encoding.Latin1.GetString(pdf));
        if (text[^1] != '\n')
            text.Append('\n');
        var previous = LastStartXref(pdf);
        var size = Math.Max(objects.Keys.Max() + 1, PreviousSize(pdf));
        var offsets = new SortedDictionary<int, int>();
        foreach (var (number, body) in objects.OrderBy(o => o.Key))
        {
            offsets[number] = text.Length;
            text.Append($"{number} 0 obj\n{Expand(body)}\nendobj\n");
        }
        var xref = text.Length;
        text.Append("xref\n");
        foreach (var (number, offset) in offsets)
            text.Append($"{number} 1\n{offset:D10} 00000 n \n");
        text.Append($"trailer\n<< /Size {size} /Root {rootNumber} 0 R /Prev {previous} /ID [<0102030405060708> <0102030405060708>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Latin1(text.ToString());
    }

    /// <summary>Fills SIGNED_BYTERANGE with the range around SIGNED_CONTENTS and signs those bytes (the file's last signature placeholder).</summary>
    public static async Task<byte[]> SignAsync(byte[] pdf, string key = "official-rsa2048")
    {
        var text = Encoding.Latin1.GetString(pdf);
        var gapStart = text.LastIndexOf('<' + new string('0', 2 * ContentsBytes) + '>', StringComparison.Ordinal);
        var rangeAt = text.LastIndexOf(ByteRangePlaceholder, gapStart, StringComparison.Ordinal);
        if (gapStart < 0 || rangeAt < 0)
            throw new InvalidOperationException("No signature placeholder to fill.");
        var gapEnd = gapStart + 2 * ContentsBytes + 2;
        var range = $"[0 {gapStart} {gapEnd} {pdf.Length - gapEnd}]".PadRight(ByteRangePlaceholder.Length);
        var bytes = (byte[])pdf.Clone();
        Encoding.ASCII.GetBytes(range).CopyTo(bytes, rangeAt);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(bytes, 0, gapStart);
        hash.AppendData(bytes, gapEnd, bytes.Length - gapEnd);
        var cms = await new CmsSignatureBuilder().SignAsync(hash.GetHashAndReset(), DevPki.Signer(key), ct: TestContext.Current.CancellationToken);
        Encoding.ASCII.GetBytes(Convert.ToHexString(cms)).CopyTo(bytes, gapStart + 1);
        return bytes;
    }

    /// <summary>Where the signed /Contents hex string of the last signature lies: [start, end) with its angle brackets.</summary>
    public static (int Start, int End) SignedGap(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var range = text.LastIndexOf("/ByteRange [0 ", StringComparison.Ordinal);
        var numbers = text[(range + 12)..text.IndexOf(']', range)].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
        return (numbers[1], numbers[2]);
    }

    static string Expand(string body) => body
        .Replace(ByteRangeMarker, ByteRangePlaceholder, StringComparison.Ordinal)
        .Replace(ContentsMarker, '<' + new string('0', 2 * ContentsBytes) + '>', StringComparison.Ordinal);

    static int LastStartXref(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var at = text.LastIndexOf("startxref", StringComparison.Ordinal);
        return int.Parse(text[(at + 9)..text.IndexOf("%%EOF", at, StringComparison.Ordinal)].Trim());
    }

    static int PreviousSize(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var at = text.LastIndexOf("/Size ", StringComparison.Ordinal);
        return int.Parse(new string(text[(at + 6)..].TakeWhile(char.IsDigit).ToArray()));
    }

    static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);
}
