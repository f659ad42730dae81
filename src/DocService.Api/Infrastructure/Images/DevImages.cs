namespace DocService.Api.Infrastructure.Images;

/// <summary>
/// Stand-in images for development: a blue handwritten-style stroke for officials and a red round
/// seal for organs, both on transparent backgrounds as real ones are. Never used in production.
/// </summary>
public static class DevImages
{
    public static byte[] Signature() => PngWriter.Encode(360, 160, (x, y) =>
    {
        // A looping stroke: a few periods of a sine whose amplitude fades, drawn 5 px thick.
        var t = x / 360.0;
        var centre = 80 + 45 * Math.Sin(t * Math.PI * 5) * (1 - t * 0.6);
        return Math.Abs(y - centre) < 2.5 && x is > 20 and < 340 ? ((byte)20, (byte)40, (byte)170, (byte)255) : ((byte)0, (byte)0, (byte)0, (byte)0);
    });

    public static byte[] Seal() => PngWriter.Encode(300, 300, (x, y) =>
    {
        var distance = Math.Sqrt(Math.Pow(x - 150, 2) + Math.Pow(y - 150, 2));
        var ring = distance is > 136 and < 146 || distance is > 96 and < 101;
        var star = distance < 40 && InStar(x - 150, y - 150);
        return ring || star ? ((byte)200, (byte)20, (byte)30, (byte)230) : ((byte)0, (byte)0, (byte)0, (byte)0);
    });

    // A five-pointed star: inside when the radius is under the star's edge at that angle.
    static bool InStar(int dx, int dy)
    {
        var angle = Math.Atan2(dy, dx) + Math.PI / 2;
        var sector = ((angle % (2 * Math.PI / 5)) + 2 * Math.PI / 5) % (2 * Math.PI / 5) - Math.PI / 5;
        var edge = 40 * Math.Cos(Math.PI / 5) / Math.Cos(sector) * (0.4 + 0.6 * Math.Abs(sector) / (Math.PI / 5));
        return Math.Sqrt(dx * dx + dy * dy) < edge;
    }
}
