using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace DocService.Drafting.Fields;

/// <summary>
/// Writes the form: one merged field/widget dictionary per request, listed in the catalog's
/// /AcroForm /Fields and in its page's /Annots. Built from plain dictionaries rather than PDFsharp's
/// AcroForm classes, which are made for reading forms and would not write empty signature fields.
/// </summary>
internal static class AcroFormWriter
{
    /// <summary>/DR names of the faces text fields use when a viewer regenerates their appearance.</summary>
    public const string RegularFont = "TiRo";
    public const string ItalicFont = "TiIt";

    /// <summary>Widget annotation flag 3: print the field with the page.</summary>
    const int PrintFlag = 4;

    public static void Write(PdfDocument document, IReadOnlyList<FieldRequest> requests)
    {
        var fields = new PdfArray(document);
        foreach (var request in requests)
        {
            var page = document.Pages[request.Page - 1];
            var field = Widget(document, page, request);
            AnnotationsOf(page).Elements.Add(field.Reference!);
            fields.Elements.Add(field.Reference!);
        }

        var form = new PdfDictionary(document);
        form.Elements["/Fields"] = fields;
        // Every widget carries its own appearance, so viewers must not rebuild them: a rebuilt
        // appearance after the leader signs would count as a change to the signed revision.
        form.Elements["/NeedAppearances"] = new PdfBoolean(false);
        form.Elements["/DR"] = DefaultResources(document);
        form.Elements["/DA"] = new PdfString($"/{RegularFont} 13 Tf 0 g");
        document.Internals.AddObject(form);
        document.Internals.Catalog.Elements["/AcroForm"] = form.Reference;
    }

    static PdfDictionary Widget(PdfDocument document, PdfPage page, FieldRequest request)
    {
        var rect = request.Placement.Rect;
        var field = new PdfDictionary(document);
        field.Elements["/Type"] = new PdfName("/Annot");
        field.Elements["/Subtype"] = new PdfName("/Widget");
        field.Elements["/FT"] = new PdfName(request.Kind == FieldKind.Text ? "/Tx" : "/Sig");
        field.Elements["/T"] = new PdfString(request.Name);
        field.Elements["/Rect"] = new PdfArray(document, Number(rect.Left), Number(rect.Bottom), Number(rect.Right), Number(rect.Top));
        field.Elements["/P"] = page.Reference;
        field.Elements["/F"] = new PdfInteger(PrintFlag);
        if (request.Text is { } text)
        {
            field.Elements["/DA"] = new PdfString(
                string.Create(CultureInfo.InvariantCulture, $"/{text.FontResource} {text.Size:0.##} Tf 0 g"));
            field.Elements["/Q"] = new PdfInteger(text.Quadding);
        }
        var appearance = new PdfDictionary(document);
        if (request.Placeholder is { } placeholder)
            field.Elements["/DV"] = new PdfString(placeholder.DefaultValue, PdfStringEncoding.Unicode);
        appearance.Elements["/N"] = request.Placeholder is { } shown
            ? PlaceholderAppearance(document, rect, shown.Draw)
            : EmptyAppearance(document, rect, request.Kind).Reference;
        field.Elements["/AP"] = appearance;
        document.Internals.AddObject(field);
        return field;
    }

    /// <summary>An empty form XObject: the field shows nothing until it is filled or signed.</summary>
    static PdfDictionary EmptyAppearance(PdfDocument document, FieldRect rect, FieldKind kind)
    {
        var stream = new PdfDictionary(document);
        stream.Elements["/Type"] = new PdfName("/XObject");
        stream.Elements["/Subtype"] = new PdfName("/Form");
        stream.Elements["/BBox"] = new PdfArray(document, Number(0), Number(0), Number(rect.Width), Number(rect.Height));
        // Text appearances are wrapped in a /Tx marked-content section (ISO 32000-1 12.7.3.3).
        stream.CreateStream(Encoding.ASCII.GetBytes(kind == FieldKind.Text ? "/Tx BMC\nEMC\n" : ""));
        document.Internals.AddObject(stream);
        return stream;
    }

    /// <summary>
    /// A form XObject drawn with PDFsharp, so its text uses the same embedded Vietnamese font as the page.
    /// PDFsharp hands out a form's object only to a page that draws it, so the form is drawn on a scratch
    /// page that is then removed: the widget keeps the form, and nothing else refers to the page.
    /// </summary>
    static PdfReference PlaceholderAppearance(PdfDocument document, FieldRect rect, Action<XGraphics> draw)
    {
        var form = new XForm(document, XUnit.FromPoint(rect.Width), XUnit.FromPoint(rect.Height));
        using (var graphics = XGraphics.FromForm(form))
            draw(graphics);
        var scratch = document.AddPage();
        using (var graphics = XGraphics.FromPdfPage(scratch))
            graphics.DrawImage(form, 0, 0);
        var reference = scratch.Resources.Elements.GetDictionary("/XObject")!.Elements.Values.OfType<PdfReference>().Single();
        document.Pages.Remove(scratch);
        return reference;
    }

    static PdfArray AnnotationsOf(PdfPage page)
    {
        if (page.Elements["/Annots"] is PdfArray existing) return existing;
        var annotations = new PdfArray(page.Owner);
        page.Elements["/Annots"] = annotations;
        return annotations;
    }

    static PdfDictionary DefaultResources(PdfDocument document)
    {
        var fonts = new PdfDictionary(document);
        fonts.Elements["/" + RegularFont] = StandardFont(document, "/Times-Roman");
        fonts.Elements["/" + ItalicFont] = StandardFont(document, "/Times-Italic");
        var resources = new PdfDictionary(document);
        resources.Elements["/Font"] = fonts;
        return resources;
    }

    static PdfReference StandardFont(PdfDocument document, string baseFont)
    {
        var font = new PdfDictionary(document);
        font.Elements["/Type"] = new PdfName("/Font");
        font.Elements["/Subtype"] = new PdfName("/Type1");
        font.Elements["/BaseFont"] = new PdfName(baseFont);
        font.Elements["/Encoding"] = new PdfName("/WinAnsiEncoding");
        document.Internals.AddObject(font);
        return font.Reference!;
    }

    static PdfReal Number(double value) => new(Math.Round(value, 2));
}
