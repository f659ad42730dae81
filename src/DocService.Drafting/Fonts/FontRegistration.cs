using PdfSharp.Fonts;

namespace DocService.Drafting.Fonts;

/// <summary>
/// Installs <see cref="BundledFontResolver"/> as PDFsharp's font resolver. PDFsharp keeps one
/// resolver per process and it must be set before the first font is used, so the first renderer
/// sets it under a lock and every later one finds it in place.
/// </summary>
public static class FontRegistration
{
    static readonly Lock Gate = new();

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            switch (GlobalFontSettings.FontResolver)
            {
                case null:
                    GlobalFontSettings.FontResolver = new BundledFontResolver();
                    break;
                case BundledFontResolver:
                    break;
                case var other when other.ResolveTypeface(BundledFontResolver.FamilyName, false, false) is null:
                    throw new InvalidOperationException(
                        $"PDFsharp already has a font resolver ({other.GetType().FullName}) that does not serve " +
                        $"\"{BundledFontResolver.FamilyName}\"; let it delegate to {nameof(BundledFontResolver)}.");
            }
        }
    }
}
