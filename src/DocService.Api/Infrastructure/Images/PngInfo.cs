using System.Buffers.Binary;

namespace DocService.Api.Infrastructure.Images;

/// <summary>
/// What the service needs to know of an uploaded PNG before it is drawn into signatures: that it
/// is a PNG, its size, and whether it is transparent (colour type with alpha, or a tRNS chunk).
/// Reads chunk headers only; pixel data is left to the renderer.
/// </summary>
public sealed record PngInfo(int Width, int Height, bool HasTransparency)
{
    static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public const int MaxSide = 4000;

    public static PngInfo? TryRead(ReadOnlySpan<byte> png)
    {
        if (png.Length < 33 || !png[..8].SequenceEqual(Signature) || !png.Slice(12, 4).SequenceEqual("IHDR"u8))
            return null;
        var width = BinaryPrimitives.ReadInt32BigEndian(png.Slice(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(png.Slice(20, 4));
        var colourType = png[25];
        if (width is <= 0 or > MaxSide || height is <= 0 or > MaxSide)
            return null;

        var transparent = colourType is 4 or 6;
        for (var at = 8; !transparent && at + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.Slice(at, 4));
            if (length < 0 || at + 12L + length > png.Length)
                break;
            var type = png.Slice(at + 4, 4);
            if (type.SequenceEqual("tRNS"u8))
                transparent = true;
            if (type.SequenceEqual("IDAT"u8))
                break; // tRNS must come before the image data
            at += 12 + length;
        }
        return new PngInfo(width, height, transparent);
    }
}
