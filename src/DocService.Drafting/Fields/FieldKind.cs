namespace DocService.Drafting.Fields;

public enum FieldKind
{
    /// <summary>/FT /Tx — filled by the clerk at issue (number, date).</summary>
    Text,
    /// <summary>/FT /Sig — an empty signature field signed later.</summary>
    Signature,
}

/// <summary>
/// The fields every rendered draft carries. They exist before the first signature because the
/// leader certifies with DocMDP P=2, which allows filling existing fields and signing existing
/// signature fields but not adding new ones.
/// </summary>
public static class DraftFieldNames
{
    /// <summary>The number (số) in "Số: …/{notation}".</summary>
    public const string Number = "number";
    /// <summary>"ngày … tháng … năm …" after the place on the date line.</summary>
    public const string Date = "date";
    /// <summary>The competent signer's signature, between position and name.</summary>
    public const string Signer = "signer";
    /// <summary>The organisation's signature (the seal), overlapping a third of the signer's on its left.</summary>
    public const string Organisation = "organisation";
}

/// <summary>A rectangle in PDF user space: points, origin at the page's bottom-left corner.</summary>
public readonly record struct FieldRect(double Left, double Bottom, double Right, double Top)
{
    public double Width => Right - Left;
    public double Height => Top - Bottom;
}

/// <summary>Where a field's widget sits: 1-based page number and rectangle.</summary>
public sealed record FieldPlacement(string Name, FieldKind Kind, int Page, FieldRect Rect);
