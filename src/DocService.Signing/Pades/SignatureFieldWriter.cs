using DocService.Pdf.Document;
using DocService.Pdf.Objects;
using DocService.Pdf.Writing;

namespace DocService.Signing.Pades;

/// <summary>
/// Puts the signature dictionary into the document as an update: fills an existing empty
/// signature field, or adds a new field with its widget on a page, and — for a certification —
/// points the catalog's /Perms /DocMDP at it. Only objects that must change are replaced.
/// </summary>
internal sealed class SignatureFieldWriter(PdfDocument document, IncrementalUpdate update)
{
    static readonly PdfName Annots = new("Annots");
    static readonly PdfName SigFlags = new("SigFlags");
    static readonly PdfName AP = new("AP");
    static readonly PdfName Lock = new("Lock");
    const int SignaturesExistAppendOnly = 3;
    const int PrintAndLocked = 4 | 128;

    PdfDictionary _catalog = document.Catalog;
    bool _catalogChanged;

    public void Write(PadesSignatureOptions options)
    {
        var field = document.Fields.FirstOrDefault(f => f.FullName == options.FieldName);
        var references = new List<PdfObject>();
        if (options.Certify is { } permission)
            references.Add(SignatureDictionary.DocMdpReference(permission));
        if (field is not null && document.Get<PdfDictionary>(field.Dictionary, Lock) is { } fieldLock)
            references.Add(SignatureDictionary.FieldMdpReference(fieldLock));

        var signature = update.Add(SignatureDictionary.Build(options, references.Count > 0 ? new PdfArray(references) : null));
        var appearance = options.Appearance is null ? null : ImportAppearance(options.Appearance, RotationOf(field, options));

        if (field is null)
            AddField(options, signature, appearance);
        else
            FillField(field, signature, appearance);
        foreach (var fill in options.Fills)
            FillText(fill);

        if (options.Certify is not null)
            ChangeCatalog(_catalog.With("Perms", PdfDictionary.Of(("DocMDP", signature))));
        if (_catalogChanged)
            update.Replace(document.Trailer[PdfName.Root] is PdfReference root ? root.Id.Number : throw new SignatureNotPermittedException(
                "signature.malformed_document", "The document's catalog is not an indirect object."), _catalog);
    }

    void FillField(PdfFormField field, PdfReference signature, PdfReference? appearance)
    {
        var id = field.Id ?? throw new SignatureNotPermittedException("signature.malformed_document",
            $"Field '{field.FullName}' is not an indirect object and cannot be updated.");
        SetValueAndAppearance(field, id, signature, appearance);
        EnsureSigFlags();
    }

    void FillText(FieldFill fill)
    {
        var field = document.Fields.FirstOrDefault(f => f.FullName == fill.FieldName);
        if (field is not { FieldType: "Tx", Id: { } id })
            throw new SignatureNotPermittedException("signature.field_missing", $"The document has no text field '{fill.FieldName}' to fill.");
        var appearance = ImportAppearance(fill.Appearance, RotationOf(field, null));
        SetValueAndAppearance(field, id, PdfString.FromText(fill.Value), appearance);
    }

    /// <summary>Gives a field its value and its widget the appearance, whether field and widget are one object or two.</summary>
    void SetValueAndAppearance(PdfFormField field, ObjectId id, PdfObject value, PdfReference? appearance)
    {
        var widget = field.Widgets.FirstOrDefault();
        var merged = widget is null || widget.Id == id;
        var fieldDictionary = field.Dictionary.With(PdfName.V, value);
        if (merged && appearance is not null)
            fieldDictionary = fieldDictionary.With(AP, PdfDictionary.Of(("N", appearance)));
        update.Replace(id.Number, fieldDictionary);

        if (!merged && appearance is not null && widget!.Id is { } widgetId && document.GetObject(widgetId) is PdfDictionary widgetDictionary)
            update.Replace(widgetId.Number, widgetDictionary.With(AP, PdfDictionary.Of(("N", appearance))));
    }

    void AddField(PadesSignatureOptions options, PdfReference signature, PdfReference? appearance)
    {
        var placement = options.Placement ?? new FieldPlacement(0, new PdfRectangle(0, 0, 0, 0));
        if (placement.PageIndex < 0 || placement.PageIndex >= document.Pages.Count)
            throw new SignatureNotPermittedException("signature.invalid_placement",
                $"Page {placement.PageIndex + 1} does not exist; the document has {document.Pages.Count}.");
        var page = document.Pages[placement.PageIndex];
        var pageId = page.Id ?? throw new SignatureNotPermittedException("signature.malformed_document", "The page is not an indirect object.");
        var rect = placement.Rect;

        var widget = PdfDictionary.Of(
            ("Type", new PdfName("Annot")),
            ("Subtype", PdfName.Widget),
            ("FT", new PdfName("Sig")),
            ("T", PdfString.FromText(options.FieldName)),
            ("V", signature),
            ("F", new PdfInteger(PrintAndLocked)),
            ("Rect", new PdfArray(new PdfReal(rect.Left), new PdfReal(rect.Bottom), new PdfReal(rect.Right), new PdfReal(rect.Top))),
            ("P", new PdfReference(pageId)));
        if (appearance is not null)
            widget = widget.With(AP, PdfDictionary.Of(("N", appearance)));
        var widgetReference = update.Add(widget);

        AppendToArray(page.Dictionary, Annots, widgetReference, changed => update.Replace(pageId.Number, changed));
        var form = document.Get<PdfDictionary>(_catalog, PdfName.AcroForm) ?? PdfDictionary.Of(("Fields", PdfArray.Empty));
        AppendToArray(form, PdfName.Fields, widgetReference, changed => ChangeAcroForm(changed));
        EnsureSigFlags();
    }

    /// <summary>Adds an item to an array held in a dictionary, directly or by reference, replacing whichever object holds it.</summary>
    void AppendToArray(PdfDictionary holder, PdfName key, PdfReference item, Action<PdfDictionary> replaceHolder)
    {
        var existing = document.Resolve(holder[key]) as PdfArray ?? PdfArray.Empty;
        var extended = new PdfArray(existing.Append(item));
        if (holder[key] is PdfReference arrayReference)
            update.Replace(arrayReference.Id.Number, extended);
        else
            replaceHolder(holder.With(key, extended));
    }

    void EnsureSigFlags()
    {
        var form = CurrentAcroForm();
        if ((form.GetInteger(SigFlags) ?? 0) != SignaturesExistAppendOnly)
            ChangeAcroForm(form.With(SigFlags, new PdfInteger(SignaturesExistAppendOnly)));
    }

    PdfDictionary CurrentAcroForm() => _pendingAcroForm ?? document.Get<PdfDictionary>(_catalog, PdfName.AcroForm) ?? PdfDictionary.Empty;

    PdfDictionary? _pendingAcroForm;

    void ChangeAcroForm(PdfDictionary form)
    {
        _pendingAcroForm = form;
        if (_catalog[PdfName.AcroForm] is PdfReference formReference)
            update.Replace(formReference.Id.Number, form);
        else
            ChangeCatalog(_catalog.With(PdfName.AcroForm, form));
    }

    void ChangeCatalog(PdfDictionary catalog)
    {
        _catalog = catalog;
        _catalogChanged = true;
    }

    int RotationOf(PdfFormField? field, PadesSignatureOptions? options)
    {
        if (field is null)
            return options?.Placement is { } placement && placement.PageIndex < document.Pages.Count ? document.Pages[placement.PageIndex].Rotate : 0;
        var pageId = field.Widgets.FirstOrDefault()?.Page;
        return document.Pages.FirstOrDefault(p => p.Id == pageId)?.Rotate ?? 0;
    }

    /// <summary>
    /// The appearance is the first page of a small PDF, brought in as a Form XObject. On a rotated
    /// page the form is counter-rotated, so the signature reads upright as the page is shown.
    /// </summary>
    PdfReference ImportAppearance(Stream appearancePdf, int pageRotation)
    {
        var source = PdfDocument.Open(appearancePdf);
        var rotation = ((pageRotation % 360) + 360) % 360;
        PdfArray? matrix = rotation switch
        {
            90 => PdfArray.OfIntegers(0, 1, -1, 0, 0, 0),
            180 => PdfArray.OfIntegers(-1, 0, 0, -1, 0, 0),
            270 => PdfArray.OfIntegers(0, -1, 1, 0, 0, 0),
            _ => null,
        };
        return new ObjectImporter(source, update).ImportPageAsForm(0, matrix);
    }
}
