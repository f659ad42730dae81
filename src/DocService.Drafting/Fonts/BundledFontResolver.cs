using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace DocService.Drafting.Fonts;

/// <summary>
/// Serves the bundled Liberation Serif faces to PDFsharp. Liberation Serif is metric-compatible
/// with Times New Roman, the face Decree 30 prescribes, and is OFL-licensed, so the PDFs embed it
/// without depending on fonts installed on the host. "Times New Roman" resolves to it too, so a
/// caller asking for the decree's font by name gets the same metrics.
/// </summary>
public sealed class BundledFontResolver : IFontResolver
{
    public const string FamilyName = "Liberation Serif";

    static readonly string[] Families = [FamilyName, "Times New Roman"];
    readonly ConcurrentDictionary<string, byte[]> _faces = new();

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (!Families.Contains(familyName, StringComparer.OrdinalIgnoreCase)) return null;
        var face = (bold, italic) switch
        {
            (false, false) => "LiberationSerif-Regular",
            (true, false) => "LiberationSerif-Bold",
            (false, true) => "LiberationSerif-Italic",
            (true, true) => "LiberationSerif-BoldItalic",
        };
        return new FontResolverInfo(face);
    }

    public byte[]? GetFont(string faceName) => _faces.GetOrAdd(faceName, Load);

    static byte[] Load(string faceName)
    {
        var resource = $"DocService.Drafting.Fonts.{faceName}.ttf";
        using var stream = typeof(BundledFontResolver).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Font resource {resource} is missing from the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
