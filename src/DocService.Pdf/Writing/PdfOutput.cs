using System.Buffers;
using System.Globalization;
using System.Text;
using DocService.Pdf.Objects;

namespace DocService.Pdf.Writing;

/// <summary>
/// Serialises objects to a stream (§7.3) while counting bytes, so the writer knows every object's
/// offset and every placeholder's span without seeking.
/// </summary>
internal sealed class PdfOutput(Stream stream, long startPosition)
{
    private readonly Dictionary<string, ByteSpan> _placeholders = [];

    public long Position { get; private set; } = startPosition;

    public IReadOnlyDictionary<string, ByteSpan> Placeholders => _placeholders;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        stream.Write(bytes);
        Position += bytes.Length;
    }

    public void WriteAscii(string text) => Write(Encoding.ASCII.GetBytes(text));

    public void WriteIndirectObject(ObjectId id, PdfObject value)
    {
        WriteAscii($"{id.Number} {id.Generation} obj\n");
        if (value is PdfStream stream)
        {
            WriteStream(stream);
        }
        else
        {
            WriteObject(value);
        }
        WriteAscii("\nendobj\n");
    }

    public void WriteObject(PdfObject value)
    {
        switch (value)
        {
            case PdfNull: WriteAscii("null"); break;
            case PdfBoolean b: WriteAscii(b.Value ? "true" : "false"); break;
            case PdfInteger i: WriteAscii(i.Value.ToString(CultureInfo.InvariantCulture)); break;
            case PdfReal r: WriteAscii(FormatReal(r.Value)); break;
            case PdfName n: WriteName(n); break;
            case PdfString s: WriteString(s); break;
            case PdfReference reference: WriteAscii($"{reference.Id.Number} {reference.Id.Generation} R"); break;
            case PdfArray array: WriteArray(array); break;
            case PdfDictionary dictionary: WriteDictionary(dictionary); break;
            case PdfPlaceholder placeholder: WritePlaceholder(placeholder); break;
            case PdfStream:
                throw new ArgumentException("A stream can only be written as an indirect object.", nameof(value));
            default:
                throw new ArgumentException($"Cannot serialise {value.GetType().Name}.", nameof(value));
        }
    }

    /// <summary>No exponent (PDF has none), at most 10 decimals, invariant culture, no "-0".</summary>
    public static string FormatReal(double value)
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(nameof(value), value, "PDF has no NaN or infinity.");
        var text = value.ToString("0.##########", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    private void WriteName(PdfName name)
    {
        var builder = new StringBuilder("/");
        foreach (var b in name.ToBytes())
        {
            // Outside printable ASCII, delimiters and '#' itself must be escaped (§7.3.5).
            var escape = b is < 0x21 or > 0x7E or (byte)'#' || Parsing.PdfLexer.IsDelimiter(b);
            builder.Append(escape ? $"#{b:X2}" : ((char)b).ToString());
        }
        WriteAscii(builder.ToString());
    }

    private void WriteString(PdfString value)
    {
        if (value.Format == PdfStringFormat.Hex)
        {
            WriteAscii($"<{Convert.ToHexString(value.Bytes)}>");
            return;
        }
        var bytes = new List<byte>(value.Bytes.Length + 2) { (byte)'(' };
        foreach (var b in value.Bytes)
        {
            switch (b)
            {
                case (byte)'(' or (byte)')' or (byte)'\\':
                    bytes.Add((byte)'\\');
                    bytes.Add(b);
                    break;
                case (byte)'\r':
                    // A raw CR would be read back as LF (§7.3.4.2).
                    bytes.AddRange("\\r"u8);
                    break;
                default:
                    bytes.Add(b);
                    break;
            }
        }
        bytes.Add((byte)')');
        Write(bytes.ToArray());
    }

    private void WriteArray(PdfArray array)
    {
        WriteAscii("[");
        for (var i = 0; i < array.Count; i++)
        {
            if (i > 0)
                WriteAscii(" ");
            WriteObject(array[i]);
        }
        WriteAscii("]");
    }

    private void WriteDictionary(PdfDictionary dictionary)
    {
        WriteAscii("<<");
        var first = true;
        foreach (var (key, entry) in dictionary)
        {
            if (!first)
                WriteAscii(" ");
            first = false;
            WriteName(key);
            WriteAscii(" ");
            WriteObject(entry);
        }
        WriteAscii(">>");
    }

    private void WritePlaceholder(PdfPlaceholder placeholder)
    {
        if (!_placeholders.TryAdd(placeholder.Key, new ByteSpan(Position, placeholder.Text.Length)))
            throw new InvalidOperationException($"Placeholder '{placeholder.Key}' is written twice.");
        Write(placeholder.Text);
    }

    private void WriteStream(PdfStream value)
    {
        // /Length is rewritten as a direct integer: the raw data is copied as it is.
        WriteDictionary(value.Dictionary.With(PdfName.Length, new PdfInteger(value.Data.Length)));
        WriteAscii("\nstream\n");
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using var data = value.Data.OpenRead();
            int read;
            while ((read = data.Read(buffer)) > 0)
                Write(buffer.AsSpan(0, read));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        WriteAscii("\nendstream");
    }
}
