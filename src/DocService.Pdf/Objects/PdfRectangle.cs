using System.Globalization;

namespace DocService.Pdf.Objects;

/// <summary>A rectangle in default user space (§7.9.5), normalised so that Left ≤ Right and Bottom ≤ Top.</summary>
public readonly record struct PdfRectangle(double Left, double Bottom, double Right, double Top)
{
    public double Width => Right - Left;

    public double Height => Top - Bottom;

    /// <summary>Reads <c>[llx lly urx ury]</c>; null when the array is not four numbers.</summary>
    public static PdfRectangle? From(PdfObject? value)
    {
        if (value is not PdfArray { Count: 4 } array)
            return null;
        var n = new double[4];
        for (var i = 0; i < 4; i++)
        {
            switch (array[i])
            {
                case PdfInteger integer: n[i] = integer.Value; break;
                case PdfReal real: n[i] = real.Value; break;
                default: return null;
            }
        }
        return new(Math.Min(n[0], n[2]), Math.Min(n[1], n[3]), Math.Max(n[0], n[2]), Math.Max(n[1], n[3]));
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[{Left} {Bottom} {Right} {Top}]");
}
