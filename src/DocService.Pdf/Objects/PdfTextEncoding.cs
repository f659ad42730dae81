using System.Text;

namespace DocService.Pdf.Objects;

/// <summary>Text strings (§7.9.2.2): PDFDocEncoding, UTF-16BE with BOM, or (PDF 2.0) UTF-8 with BOM.</summary>
internal static class PdfTextEncoding
{
    // PDFDocEncoding differs from Latin-1 only in these two ranges (Annex D.3).
    private static readonly char[] Low = ['\u02D8', '\u02C7', '\u02C6', '\u02D9', '\u02DD', '\u02DB', '\u02DA', '\u02DC'];

    private static readonly char[] High =
    [
        '\u2022', '\u2020', '\u2021', '\u2026', '\u2014', '\u2013', '\u0192', '\u2044',
        '\u2039', '\u203A', '\u2212', '\u2030', '\u201E', '\u201C', '\u201D', '\u2018',
        '\u2019', '\u201A', '\u2122', '\uFB01', '\uFB02', '\u0141', '\u0152', '\u0160',
        '\u0178', '\u017D', '\u0131', '\u0142', '\u0153', '\u0161', '\u017E', '\uFFFD',
        '\u20AC',
    ];

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return Encoding.UTF8.GetString(bytes[3..]);

        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
            chars[i] = DecodeDocByte(bytes[i]);
        return new string(chars);
    }

    public static byte[] Encode(string text)
    {
        // Only printable ASCII is written as PDFDocEncoding: everything else (Vietnamese included)
        // goes to UTF-16BE so no reader has to know the PDFDocEncoding table.
        if (text.All(c => c is >= ' ' and <= '~' or '\n' or '\r' or '\t'))
            return Encoding.ASCII.GetBytes(text);
        return [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)];
    }

    private static char DecodeDocByte(byte b) => b switch
    {
        >= 0x18 and <= 0x1F => Low[b - 0x18],
        >= 0x80 and <= 0xA0 => High[b - 0x80],
        _ => (char)b,
    };
}
