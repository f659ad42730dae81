namespace DocService.Drafting.Layout;

/// <summary>
/// A4 portrait with the Phụ lục I margins, in points from the top-left corner. The decree allows
/// top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm; we take the narrow end except on the right,
/// where 20 mm keeps text clear of the binding-side trim of a duplex print.
/// </summary>
internal static class PageGeometry
{
    public const double Width = 595.276;
    public const double Height = 841.89;

    public static readonly double MarginTop = Mm(20);
    public static readonly double MarginBottom = Mm(20);
    public static readonly double MarginLeft = Mm(30);
    public static readonly double MarginRight = Mm(20);

    public static double ContentLeft => MarginLeft;
    public static double ContentRight => Width - MarginRight;
    public static double ContentWidth => ContentRight - ContentLeft;
    public static double ContentTop => MarginTop;
    public static double ContentBottom => Height - MarginBottom;

    /// <summary>Page numbers sit centred in the top margin, not in the text area.</summary>
    public static readonly double PageNumberBaseline = Mm(13);

    public static double Mm(double millimetres) => millimetres * 72 / 25.4;
}
