using DocService.Pdf.Objects;

namespace DocService.Pdf.Document;

/// <summary>
/// Walks /AcroForm /Fields and /Kids. A kid with /T is a child field; a kid without /T is a widget
/// of its parent; a field without field kids is terminal (and may itself be its only widget).
/// </summary>
internal static class AcroFormReader
{
    private sealed record Inherited(string? Name, string? FieldType, PdfObject? Value, long Flags);

    public static IReadOnlyList<PdfFormField> Read(PdfDocument document)
    {
        var fields = new List<PdfFormField>();
        if (document.Get<PdfDictionary>(document.Catalog, PdfName.AcroForm) is not { } form
            || document.Get<PdfArray>(form, PdfName.Fields) is not { } roots)
            return fields;
        var visited = new HashSet<ObjectId>();
        foreach (var root in roots)
            Visit(document, root, new Inherited(null, null, null, 0), fields, visited, depth: 0);
        return fields;
    }

    private static void Visit(PdfDocument document, PdfObject node, Inherited parent, List<PdfFormField> fields,
        HashSet<ObjectId> visited, int depth)
    {
        var id = (node as PdfReference)?.Id;
        if (id is { } seen && !visited.Add(seen))
            return; // a field reachable twice is listed once
        if (depth > document.Limits.MaxNestingDepth)
            throw new PdfLimitExceededException($"Form field tree deeper than {document.Limits.MaxNestingDepth}", -1);
        if (document.Resolve(node) is not PdfDictionary field)
            return;

        var partial = (document.Resolve(field[PdfName.T]) as PdfString)?.ToText();
        var (value, valueError) = field.ContainsKey(PdfName.V) ? ReadValue(document, field) : (parent.Value, null);
        var here = new Inherited(
            partial is null ? parent.Name : parent.Name is null ? partial : $"{parent.Name}.{partial}",
            (document.Resolve(field[PdfName.FT]) as PdfName)?.Value ?? parent.FieldType,
            value,
            document.Resolve(field[PdfName.Ff]) is PdfInteger ff ? ff.Value : parent.Flags);

        var kids = document.Get<PdfArray>(field, PdfName.Kids) ?? PdfArray.Empty;
        var childFields = kids.Where(k => document.Resolve(k) is PdfDictionary d && d.ContainsKey(PdfName.T)).ToList();
        if (childFields.Count > 0)
        {
            foreach (var child in childFields)
                Visit(document, child, here, fields, visited, depth + 1);
            return;
        }

        var isOwnWidget = field[PdfName.Subtype] is PdfName { Value: "Widget" } || field.ContainsKey(PdfName.Rect);
        var widgets = kids.Count == 0
            ? (isOwnWidget ? [Widget(document, id, field)] : [])
            : kids.Select(k => document.Resolve(k) is PdfDictionary w ? Widget(document, (k as PdfReference)?.Id, w) : null)
                .OfType<PdfWidget>().ToList();
        fields.Add(new PdfFormField(here.Name ?? "", id, field, here.FieldType, here.Value, here.Flags, widgets, valueError));
    }

    /// <summary>
    /// One field's value that does not parse (a signature whose /Contents is not hex) spoils that field, not the
    /// whole form: it is listed with the reason, so a validator reports a broken signature rather than none.
    /// </summary>
    private static (PdfObject? Value, string? Error) ReadValue(PdfDocument document, PdfDictionary field)
    {
        try
        {
            return (document.Resolve(field[PdfName.V]), null);
        }
        catch (PdfSyntaxException e) when (e is not PdfLimitExceededException)
        {
            return (null, e.Message);
        }
    }

    private static PdfWidget Widget(PdfDocument document, ObjectId? id, PdfDictionary annotation) =>
        new(id, PdfRectangle.From(document.Resolve(annotation[PdfName.Rect])), (annotation[PdfName.P] as PdfReference)?.Id);
}
