using DocService.Pdf.Objects;

namespace DocService.Pdf.Filters;

/// <summary>
/// Undoes PNG predictors (/Predictor 10–15, §7.4.4.4). Xref streams almost always use /Predictor 12
/// with /Columns equal to the entry width.
/// </summary>
internal static class Predictor
{
    public static byte[] Apply(byte[] data, PdfDictionary? parameters, long offset)
    {
        var predictor = parameters?.GetInteger(new PdfName("Predictor")) ?? 1;
        if (predictor == 1)
            return data;
        if (predictor is < 10 or > 15)
            throw new PdfUnsupportedFeatureException($"/Predictor {predictor} is not supported (object at byte {offset})");

        var colors = (int)Math.Clamp(parameters!.GetInteger(new PdfName("Colors")) ?? 1, 1, 32);
        var bitsPerComponent = (int)Math.Clamp(parameters.GetInteger(new PdfName("BitsPerComponent")) ?? 8, 1, 16);
        var columns = (int)Math.Clamp(parameters.GetInteger(new PdfName("Columns")) ?? 1, 1, 1 << 20);
        var bytesPerPixel = Math.Max(1, colors * bitsPerComponent / 8);
        var rowLength = (colors * bitsPerComponent * columns + 7) / 8;

        var rows = data.Length / (rowLength + 1);
        var output = new byte[rows * rowLength];
        var previous = new byte[rowLength];
        for (var row = 0; row < rows; row++)
        {
            var source = data.AsSpan(row * (rowLength + 1), rowLength + 1);
            var current = output.AsSpan(row * rowLength, rowLength);
            Unfilter(source[0], source[1..], current, previous, bytesPerPixel, offset);
            current.CopyTo(previous);
        }
        return output;
    }

    private static void Unfilter(byte type, ReadOnlySpan<byte> raw, Span<byte> current, ReadOnlySpan<byte> above, int bpp, long offset)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            int left = i >= bpp ? current[i - bpp] : 0;
            int up = above[i];
            int upLeft = i >= bpp ? above[i - bpp] : 0;
            current[i] = type switch
            {
                0 => raw[i],
                1 => (byte)(raw[i] + left),
                2 => (byte)(raw[i] + up),
                3 => (byte)(raw[i] + (left + up) / 2),
                4 => (byte)(raw[i] + Paeth(left, up, upLeft)),
                _ => throw new PdfSyntaxException($"Unknown PNG filter type {type}", offset),
            };
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
