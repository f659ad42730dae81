using DocService.Pdf.Document;
using DocService.Pdf.Objects;

namespace DocService.Pdf.Writing;

/// <summary>
/// Copies objects from another document into an update, renumbering every indirect object it
/// reaches once. Used to bring in a rendered appearance (a page of a small PDF) as a Form XObject.
/// </summary>
public sealed class ObjectImporter(PdfDocument source, IncrementalUpdate target)
{
    private readonly Dictionary<ObjectId, PdfReference> _copied = [];

    /// <summary>A deep copy of <paramref name="value"/> whose references point into the target.</summary>
    public PdfObject Import(PdfObject value) => value switch
    {
        PdfReference reference => ImportIndirect(reference.Id),
        PdfDictionary dictionary => ImportDictionary(dictionary),
        PdfArray array => new PdfArray(array.Select(Import)),
        PdfStream stream => new PdfStream(ImportDictionary(stream.Dictionary), stream.Data),
        _ => value,
    };

    /// <summary>
    /// The page's content as a Form XObject (§8.10) with the page's resources and its media box as
    /// bounding box, so it can be drawn anywhere — e.g. as a signature widget's appearance.
    /// A <paramref name="matrix"/> maps form space to the space it is drawn in (e.g. a rotation).
    /// </summary>
    public PdfReference ImportPageAsForm(int pageIndex, PdfArray? matrix = null)
    {
        var page = source.Pages[pageIndex];
        var content = new MemoryStream();
        foreach (var part in ContentStreams(page))
        {
            content.Write(source.DecodeStream(part));
            content.WriteByte((byte)'\n');
        }
        var box = page.MediaBox;
        var form = PdfDictionary.Of(
            ("Type", new PdfName("XObject")),
            ("Subtype", new PdfName("Form")),
            ("BBox", new PdfArray(new PdfReal(box.Left), new PdfReal(box.Bottom), new PdfReal(box.Right), new PdfReal(box.Top))),
            ("Resources", page.Resources is null ? PdfDictionary.Empty : Import(page.Resources)));
        if (matrix is not null)
            form = form.With("Matrix", matrix);
        return target.Add(new PdfStream(form, content.ToArray()));
    }

    private IEnumerable<PdfStream> ContentStreams(PdfPage page) => source.Resolve(page.Dictionary["Contents"]) switch
    {
        PdfStream single => [single],
        PdfArray parts => parts.Select(p => source.Resolve(p)).OfType<PdfStream>(),
        _ => [],
    };

    private PdfReference ImportIndirect(ObjectId id)
    {
        if (_copied.TryGetValue(id, out var copy))
            return copy;
        copy = target.Reserve();
        _copied[id] = copy; // before recursing: cycles (a font's descendant pointing back) end here
        target.Set(copy, Import(source.GetObject(id)));
        return copy;
    }

    // A /Parent link would drag the source's whole page tree along; resources never need it.
    private PdfDictionary ImportDictionary(PdfDictionary dictionary) =>
        new(dictionary.Where(e => e.Key != PdfName.Parent).Select(e => KeyValuePair.Create(e.Key, Import(e.Value))));
}
