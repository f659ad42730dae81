using System.Text;

namespace DocService.Pdf.Objects;

/// <summary>
/// A name such as <c>/Type</c>, held without the slash and with #xx escapes decoded. Names are
/// byte strings; <see cref="Value"/> maps each byte to one char (Latin-1) so every name round-trips.
/// </summary>
public sealed record PdfName(string Value) : PdfObject
{
    public static readonly PdfName Type = new("Type");
    public static readonly PdfName Subtype = new("Subtype");
    public static readonly PdfName Length = new("Length");
    public static readonly PdfName Filter = new("Filter");
    public static readonly PdfName DecodeParms = new("DecodeParms");
    public static readonly PdfName Root = new("Root");
    public static readonly PdfName Info = new("Info");
    public static readonly PdfName ID = new("ID");
    public static readonly PdfName Size = new("Size");
    public static readonly PdfName Prev = new("Prev");
    public static readonly PdfName XRefStm = new("XRefStm");
    public static readonly PdfName Encrypt = new("Encrypt");
    public static readonly PdfName XRef = new("XRef");
    public static readonly PdfName ObjStm = new("ObjStm");
    public static readonly PdfName W = new("W");
    public static readonly PdfName Index = new("Index");
    public static readonly PdfName N = new("N");
    public static readonly PdfName First = new("First");
    public static readonly PdfName Extends = new("Extends");
    public static readonly PdfName Pages = new("Pages");
    public static readonly PdfName Page = new("Page");
    public static readonly PdfName Kids = new("Kids");
    public static readonly PdfName Parent = new("Parent");
    public static readonly PdfName MediaBox = new("MediaBox");
    public static readonly PdfName CropBox = new("CropBox");
    public static readonly PdfName Rotate = new("Rotate");
    public static readonly PdfName Resources = new("Resources");
    public static readonly PdfName AcroForm = new("AcroForm");
    public static readonly PdfName Fields = new("Fields");
    public static readonly PdfName T = new("T");
    public static readonly PdfName FT = new("FT");
    public static readonly PdfName V = new("V");
    public static readonly PdfName Ff = new("Ff");
    public static readonly PdfName Rect = new("Rect");
    public static readonly PdfName P = new("P");
    public static readonly PdfName Widget = new("Widget");

    /// <summary>The bytes the name stands for.</summary>
    public byte[] ToBytes() => Encoding.Latin1.GetBytes(Value);

    public static PdfName FromBytes(ReadOnlySpan<byte> bytes) => new(Encoding.Latin1.GetString(bytes));
}
