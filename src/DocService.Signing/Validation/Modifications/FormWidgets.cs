using DocService.Pdf;
using DocService.Pdf.Document;
using DocService.Pdf.Objects;

namespace DocService.Signing.Validation.Modifications;

/// <summary>
/// The widget annotations that belong to a form field of one revision. A widget with no field
/// behind it (not reachable from the AcroForm) is just an annotation: adding one is an annotation
/// change, not form filling, so DocMDP P=2 forbids it (ISO 32000-2 §12.8.2.2; Acrobat and pyHanko agree).
/// </summary>
internal sealed class FormWidgets
{
    readonly HashSet<ObjectId> _ids;

    FormWidgets(HashSet<ObjectId> ids) => _ids = ids;

    public static FormWidgets Of(PdfDocument document)
    {
        var ids = new HashSet<ObjectId>();
        try
        {
            foreach (var field in document.Fields)
            {
                if (field.Id is { } id)
                    ids.Add(id);
                ids.UnionWith(field.Widgets.Select(w => w.Id).OfType<ObjectId>());
            }
        }
        catch (PdfException)
        {
            // an unreadable form has no widgets: every widget is then judged as an annotation
        }
        return new(ids);
    }

    public bool IsFormWidget(PdfDocument document, PdfObject annotation) =>
        annotation is PdfReference reference && _ids.Contains(reference.Id)
        && document.Resolve(annotation) is PdfDictionary a && a[PdfName.Subtype] is PdfName { Value: "Widget" };
}
