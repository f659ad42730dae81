using DocService.Pdf.Document;
using DocService.Pdf.Objects;
using DocService.Pdf.Writing;

namespace DocService.Pdf.Forms;

/// <summary>
/// The form objects one incremental update changes: the catalog, its /AcroForm with /Fields, and
/// pages' /Annots. A value held by reference is replaced in its own object, a direct one in its
/// holder; a second change to the same object builds on the first, and the catalog is written once.
/// </summary>
public sealed class FormUpdate(PdfDocument document, IncrementalUpdate update)
{
    static readonly PdfName Annots = new("Annots");

    readonly Dictionary<int, PdfObject> _replaced = [];
    bool _catalogChanged;

    /// <summary>The catalog as it will be written.</summary>
    public PdfDictionary Catalog { get; private set; } = document.Catalog;

    /// <summary>The /AcroForm as it will be written; empty when the document has none yet.</summary>
    public PdfDictionary AcroForm => Resolve(Catalog[PdfName.AcroForm]) as PdfDictionary ?? PdfDictionary.Empty;

    /// <summary>Follows a reference to the object's value in this update when it was replaced, else in the document.</summary>
    public PdfObject Resolve(PdfObject? value) =>
        value is PdfReference reference && _replaced.TryGetValue(reference.Id.Number, out var changed) ? changed : document.Resolve(value);

    /// <summary>Writes a new version of an existing object and remembers it for <see cref="Resolve"/>.</summary>
    public void Replace(ObjectId id, PdfObject value)
    {
        _replaced[id.Number] = value;
        update.Replace(id.Number, value);
    }

    /// <summary>Lists an annotation (a widget) in the page's /Annots.</summary>
    public void AddAnnotation(PdfPage page, PdfReference annotation)
    {
        var pageId = page.Id
            ?? throw new PdfSyntaxException($"Page {page.Index + 1} is not an indirect object, so it cannot be updated", -1);
        var current = Resolve(new PdfReference(pageId)) as PdfDictionary ?? page.Dictionary;
        Append(current, Annots, annotation, changed => Replace(pageId, changed));
    }

    /// <summary>Lists a field in /AcroForm /Fields, creating the form when the document has none.</summary>
    public void AddField(PdfReference field) => Append(AcroForm, PdfName.Fields, field, ChangeAcroForm);

    public void ChangeAcroForm(PdfDictionary form)
    {
        if (Catalog[PdfName.AcroForm] is PdfReference reference)
            Replace(reference.Id, form);
        else
            ChangeCatalog(Catalog.With(PdfName.AcroForm, form));
    }

    public void ChangeCatalog(PdfDictionary catalog)
    {
        Catalog = catalog;
        _catalogChanged = true;
    }

    /// <summary>Writes the catalog into the update if anything changed it. Call after the last change.</summary>
    public void Commit()
    {
        if (!_catalogChanged)
            return;
        if (document.Trailer[PdfName.Root] is not PdfReference root)
            throw new PdfSyntaxException("The trailer's /Root is not an indirect reference, so the catalog cannot be updated", document.StartXref);
        Replace(root.Id, Catalog);
        _catalogChanged = false;
    }

    /// <summary>Adds an item to an array held in a dictionary, directly or by reference, replacing whichever object holds it.</summary>
    void Append(PdfDictionary holder, PdfName key, PdfReference item, Action<PdfDictionary> replaceHolder)
    {
        var existing = Resolve(holder[key]) as PdfArray ?? PdfArray.Empty;
        var extended = new PdfArray(existing.Append(item));
        if (holder[key] is PdfReference arrayReference)
            Replace(arrayReference.Id, extended);
        else
            replaceHolder(holder.With(key, extended));
    }
}
