using DocService.Drafting.Layout;
using PdfSharp.Drawing;

namespace DocService.Drafting.Fields;

/// <summary>
/// A field asked for during layout, in the layout's top-down coordinates. Layout only knows where
/// things go; <see cref="AcroFormWriter"/> turns requests into PDF objects once all pages exist.
/// A field with a <see cref="Placeholder"/> shows it until it is filled; without one it shows nothing.
/// </summary>
internal sealed record FieldRequest(
    string Name, FieldKind Kind, int Page, XRect Area, TextFieldStyle? Text = null, FieldPlaceholder? Placeholder = null)
{
    public FieldPlacement Placement => new(Name, Kind, Page, new FieldRect(
        Area.Left, PageGeometry.Height - Area.Bottom, Area.Right, PageGeometry.Height - Area.Top));
}

/// <summary>
/// A text field's default value (/DV) and how the field shows it until filled, drawn in the field's own
/// top-down coordinates.
/// </summary>
internal sealed record FieldPlaceholder(string DefaultValue, Action<XGraphics> Draw);

/// <summary>How a text field's value should look when filled: /DA font and size, /Q alignment.</summary>
internal sealed record TextFieldStyle(string FontResource, double Size, int Quadding);

/// <summary>Collects the field requests made while rows are drawn.</summary>
internal sealed class FieldSink
{
    readonly List<FieldRequest> _requests = [];

    public IReadOnlyList<FieldRequest> Requests => _requests;

    public void Add(FieldRequest request)
    {
        if (_requests.Any(r => r.Name == request.Name))
            throw new InvalidOperationException($"Field \"{request.Name}\" was laid out twice.");
        _requests.Add(request);
    }
}
