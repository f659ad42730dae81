using DocService.Drafting.Layout;

namespace DocService.Drafting.Rendering;

/// <summary>
/// The two-column grid of Phụ lục I: the organ, number and recipient list on the left; the national
/// title and date on the right. The right column (92 mm) is just wide enough for the national title
/// on one line at 12 pt bold; the left (68 mm) takes a parent organ name on two balanced lines.
/// </summary>
internal static class Columns
{
    public static readonly double LeftWidth = PageGeometry.Mm(68);
    public static readonly double RightWidth = PageGeometry.ContentWidth - LeftWidth;
    public static double LeftX => PageGeometry.ContentLeft;
    public static double RightX => PageGeometry.ContentLeft + LeftWidth;

    /// <summary>Clearance kept between header text and the column edges so the two columns never touch.</summary>
    public static readonly double Gutter = PageGeometry.Mm(2);

    /// <summary>Capitals as the decree prints organ names, titles and positions; invariant casing maps every Vietnamese letter.</summary>
    public static string Caps(string text) => text.ToUpperInvariant();
}
