using DocService.Pdf.Document;
using DocService.Pdf.Forms;
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
    static readonly PdfName SigFlags = new("SigFlags");
    static readonly PdfName AP = new("AP");
    static readonly PdfName Lock = new("Lock");
    const int SignaturesExistAppendOnly = 3;
    const int PrintAndLocked = 4 | 128;

    readonly FormUpdate _form = new(document, update);

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
            _form.ChangeCatalog(_form.Catalog.With("Perms", PdfDictionary.Of(("DocMDP", signature))));
        _form.Commit();
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

        _form.AddAnnotation(page, widgetReference);
        _form.AddField(widgetReference);
        EnsureSigFlags();
    }

    void EnsureSigFlags()
    {
        var form = _form.AcroForm;
        if ((form.GetInteger(SigFlags) ?? 0) != SignaturesExistAppendOnly)
            _form.ChangeAcroForm(form.With(SigFlags, new PdfInteger(SignaturesExistAppendOnly)));
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
