using DocService.Pdf.Objects;

namespace DocService.Pdf.Document;

/// <summary>Walks /Pages depth-first, carrying inherited /MediaBox, /CropBox, /Rotate and /Resources.</summary>
internal static class PageTreeReader
{
    // US Letter, what viewers assume when a page and its ancestors lack the required /MediaBox.
    private static readonly PdfRectangle DefaultMediaBox = new(0, 0, 612, 792);

    private sealed record Inherited(PdfRectangle? MediaBox, PdfRectangle? CropBox, int Rotate, PdfDictionary? Resources);

    public static IReadOnlyList<PdfPage> Read(PdfDocument document)
    {
        var pages = new List<PdfPage>();
        var visited = new HashSet<ObjectId>();
        Visit(document, document.Catalog[PdfName.Pages], new Inherited(null, null, 0, null), pages, visited, depth: 0);
        return pages;
    }

    private static void Visit(PdfDocument document, PdfObject? node, Inherited inherited, List<PdfPage> pages,
        HashSet<ObjectId> visited, int depth)
    {
        var id = (node as PdfReference)?.Id;
        if (id is { } seen && !visited.Add(seen))
            throw new PdfSyntaxException($"Page tree loops back to object {seen}", -1);
        if (depth > document.Limits.MaxNestingDepth)
            throw new PdfLimitExceededException($"Page tree deeper than {document.Limits.MaxNestingDepth}", -1);
        if (document.Resolve(node) is not PdfDictionary dictionary)
            return;

        var here = new Inherited(
            PdfRectangle.From(document.Resolve(dictionary[PdfName.MediaBox])) ?? inherited.MediaBox,
            PdfRectangle.From(document.Resolve(dictionary[PdfName.CropBox])) ?? inherited.CropBox,
            document.Resolve(dictionary[PdfName.Rotate]) is PdfInteger rotate ? (int)(rotate.Value % 360) : inherited.Rotate,
            document.Get<PdfDictionary>(dictionary, PdfName.Resources) ?? inherited.Resources);

        var isPage = dictionary[PdfName.Type] is PdfName { Value: "Page" }
            || (dictionary[PdfName.Type] is not PdfName { Value: "Pages" } && !dictionary.ContainsKey(PdfName.Kids));
        if (isPage)
        {
            pages.Add(new PdfPage(pages.Count, id, dictionary, here.MediaBox ?? DefaultMediaBox, here.CropBox, here.Rotate, here.Resources));
            return;
        }
        if (document.Get<PdfArray>(dictionary, PdfName.Kids) is { } kids)
        {
            foreach (var kid in kids)
                Visit(document, kid, here, pages, visited, depth + 1);
        }
    }
}
