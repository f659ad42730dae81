using System.Globalization;
using DocService.Pdf.Document;
using DocService.Pdf.Objects;
using DocService.Pdf.Writing;

namespace DocService.Pdf.Forms;

/// <summary>
/// Adds empty text and signature fields to a finished PDF (one made in Word or LibreOffice) as an
/// incremental update: one merged field/widget dictionary per field with an empty appearance, listed
/// in its page's /Annots and in /AcroForm /Fields. A form is created when the document has none, and
/// the fonts text fields name in /DA are put in /AcroForm /DR.
/// </summary>
public static class FormFieldAdder
{
    static readonly PdfName DR = new("DR");
    static readonly PdfName DA = new("DA");
    static readonly PdfName Font = new("Font");

    /// <summary>Widget annotation flag 3: print the field with the page.</summary>
    const int PrintFlag = 4;

    /// <summary>Copies <paramref name="document"/> to <paramref name="output"/> and appends the fields.</summary>
    /// <exception cref="FormFieldException">A field's name, page or rectangle does not fit this document.</exception>
    /// <exception cref="PdfUnsupportedFeatureException">The document is encrypted or its cross-reference had to be rebuilt.</exception>
    public static IncrementalUpdateResult Add(PdfDocument document, IReadOnlyList<NewFormField> fields, Stream output)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Check(document, fields);

        var update = new IncrementalUpdate(document);
        var form = new FormUpdate(document, update);
        foreach (var field in fields)
        {
            var page = document.Pages[field.PageIndex];
            var appearance = update.Add(EmptyAppearance(field));
            var widget = update.Add(Widget(field, page, appearance));
            form.AddAnnotation(page, widget);
            form.AddField(widget);
        }
        AddTextDefaults(form, update, fields.Where(f => f.Kind == FormFieldKind.Text).Select(StyleOf).ToList());
        form.Commit();
        return update.WriteTo(output);
    }

    static void Check(PdfDocument document, IReadOnlyList<NewFormField> fields)
    {
        var existing = document.Fields.Select(f => f.FullName).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var name = field.Name;
            if (string.IsNullOrWhiteSpace(name) || name.Contains('.'))
                throw new FormFieldException(name, FormFieldProblem.InvalidName, $"'{name}' is not a field name: give a non-empty name without dots.");
            // A terminal field of that name, or a parent whose children would share it.
            if (!seen.Add(name) || existing.Any(e => e == name || e.StartsWith(name + ".", StringComparison.Ordinal)))
                throw new FormFieldException(name, FormFieldProblem.AlreadyExists, $"The document already has a field named '{name}'.");
            if (field.PageIndex < 0 || field.PageIndex >= document.Pages.Count)
                throw new FormFieldException(name, FormFieldProblem.NoSuchPage,
                    $"Page {field.PageIndex + 1} does not exist; the document has {document.Pages.Count}.");
            if (document.Pages[field.PageIndex].Id is null)
                throw new PdfSyntaxException($"Page {field.PageIndex + 1} is not an indirect object, so it cannot be updated", -1);

            var rect = field.Rect;
            var box = document.Pages[field.PageIndex].MediaBox;
            if (!double.IsFinite(rect.Width) || !double.IsFinite(rect.Height) || rect.Width <= 0 || rect.Height <= 0)
                throw new FormFieldException(name, FormFieldProblem.OutsidePage, $"The rectangle of '{name}' is empty.");
            if (rect.Left < box.Left || rect.Bottom < box.Bottom || rect.Right > box.Right || rect.Top > box.Top)
                throw new FormFieldException(name, FormFieldProblem.OutsidePage,
                    $"The rectangle {rect} of '{name}' does not lie within page {field.PageIndex + 1}, whose media box is {box}.");
        }
    }

    static PdfDictionary Widget(NewFormField field, PdfPage page, PdfReference appearance)
    {
        var rect = field.Rect;
        var widget = PdfDictionary.Of(
            ("Type", new PdfName("Annot")),
            ("Subtype", PdfName.Widget),
            ("FT", new PdfName(field.Kind == FormFieldKind.Text ? "Tx" : "Sig")),
            ("T", PdfString.FromText(field.Name)),
            ("Rect", new PdfArray(Number(rect.Left), Number(rect.Bottom), Number(rect.Right), Number(rect.Top))),
            ("P", new PdfReference(page.Id!.Value)),
            ("F", new PdfInteger(PrintFlag)),
            ("AP", PdfDictionary.Of(("N", appearance))));
        if (field.Kind == FormFieldKind.Text)
        {
            var style = StyleOf(field);
            widget = widget.With(DA, DefaultAppearance(style)).With("Q", new PdfInteger((int)style.Alignment));
        }
        return widget;
    }

    /// <summary>
    /// An empty form XObject, so the field shows nothing until it is filled or signed and no viewer
    /// has to build an appearance (which, after a signature, would count as a change).
    /// </summary>
    static PdfStream EmptyAppearance(NewFormField field)
    {
        var dictionary = PdfDictionary.Of(
            ("Type", new PdfName("XObject")),
            ("Subtype", new PdfName("Form")),
            ("BBox", new PdfArray(Number(0), Number(0), Number(field.Rect.Width), Number(field.Rect.Height))));
        // Text appearances are wrapped in a /Tx marked-content section (ISO 32000-1 12.7.3.3).
        var content = field.Kind == FormFieldKind.Text ? "/Tx BMC\nEMC\n"u8.ToArray() : [];
        return new PdfStream(dictionary, content);
    }

    /// <summary>Puts each font a text field names into /DR /Font and gives the form a /DA, where they are missing.</summary>
    static void AddTextDefaults(FormUpdate form, IncrementalUpdate update, IReadOnlyList<TextFieldStyle> styles)
    {
        if (styles.Count == 0)
            return;
        var acroForm = form.AcroForm;
        var changed = false;
        var resources = form.Resolve(acroForm[DR]) as PdfDictionary ?? PdfDictionary.Empty;
        var fonts = form.Resolve(resources[Font]) as PdfDictionary ?? PdfDictionary.Empty;
        var missing = styles.Select(s => s.Font).Distinct()
            .Where(f => !fonts.ContainsKey(new PdfName(f.ResourceName))).ToList();
        if (missing.Count > 0)
        {
            foreach (var font in missing)
                fonts = fonts.With(font.ResourceName, update.Add(FontDictionary(font)));
            if (resources[Font] is PdfReference fontsReference)
                form.Replace(fontsReference.Id, fonts);
            else if (acroForm[DR] is PdfReference resourcesReference)
                form.Replace(resourcesReference.Id, resources.With(Font, fonts));
            else
                (acroForm, changed) = (acroForm.With(DR, resources.With(Font, fonts)), true);
        }
        if (!acroForm.ContainsKey(DA))
            (acroForm, changed) = (acroForm.With(DA, DefaultAppearance(styles[0])), true);
        if (changed)
            form.ChangeAcroForm(acroForm);
    }

    static PdfDictionary FontDictionary(StandardFont font) => PdfDictionary.Of(
        ("Type", new PdfName("Font")),
        ("Subtype", new PdfName("Type1")),
        ("BaseFont", new PdfName(font.BaseFont)),
        ("Encoding", new PdfName("WinAnsiEncoding")));

    static PdfString DefaultAppearance(TextFieldStyle style) =>
        PdfString.FromText(string.Create(CultureInfo.InvariantCulture, $"/{style.Font.ResourceName} {style.FontSize:0.##} Tf 0 g"));

    static TextFieldStyle StyleOf(NewFormField field) => field.Style ?? TextFieldStyle.Default;

    static PdfReal Number(double value) => new(Math.Round(value, 2));
}
