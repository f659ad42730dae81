using DocService.Pdf;
using DocService.Pdf.Document;
using DocService.Pdf.Objects;

namespace DocService.Signing.Validation.Modifications;

/// <summary>What an object is used for, found by walking a revision from its trailer.</summary>
[Flags]
internal enum ObjectRole
{
    None = 0,

    /// <summary>Reachable from the catalog's /DSS: certificates, OCSP responses, CRLs, VRI.</summary>
    Validation = 1,

    /// <summary>Form fields, their widgets and appearance streams, the AcroForm dictionary.</summary>
    Form = 2,

    /// <summary>A signature or document timestamp dictionary.</summary>
    Signature = 4,

    /// <summary>Annotations other than widgets, and what they draw.</summary>
    Annotation = 8,

    /// <summary>Document information dictionary and XMP metadata.</summary>
    Metadata = 16,

    /// <summary>What is printed or drives behaviour: page tree, pages, contents, resources, names, actions, outlines.</summary>
    Content = 32,

    /// <summary>The catalog itself: compared key by key.</summary>
    Container = 64,

    /// <summary>A page's /Annots array: judged by what is added to or removed from it.</summary>
    AnnotationList = 128,

    /// <summary>The logical structure tree (tags), which signing tools extend with the new widget.</summary>
    Structure = 256,
}

/// <summary>
/// The roles of every object reachable in one revision. Objects reachable from two places carry
/// both roles, which is what catches an appearance update that also rewrites page content.
/// </summary>
internal sealed class ObjectRoles
{
    const int MaxObjects = 500_000;

    static readonly HashSet<string> BackLinks = ["Parent", "P", "Data", "Prev", "Next", "First", "Last", "Dest", "Popup", "Pg", "Obj", "StructParent", "ParentTree"];

    readonly Dictionary<int, ObjectRole> _roles = [];
    readonly PdfDocument _document;
    int _visited;

    ObjectRoles(PdfDocument document) => _document = document;

    public bool Truncated { get; private set; }

    public ObjectRole this[int number] => _roles.GetValueOrDefault(number);

    public static ObjectRoles Of(PdfDocument document)
    {
        var roles = new ObjectRoles(document);
        roles.Walk();
        return roles;
    }

    void Walk()
    {
        foreach (var (key, value) in _document.Trailer)
        {
            switch (key.Value)
            {
                case "Root": Catalog(value); break;
                case "Info": Mark(value, ObjectRole.Metadata); break;
                case "Size" or "Prev" or "ID" or "XRefStm" or "Encrypt" or "Type" or "W" or "Index" or "Length" or "Filter" or "DecodeParms": break;
                // Private trailer keys are not shown by viewers, but an object they reach is not the form's alone.
                default: Mark(value, ObjectRole.Metadata); break;
            }
        }
    }

    void Catalog(PdfObject reference)
    {
        if (reference is PdfReference r)
            Add(r.Id.Number, ObjectRole.Container);
        if (_document.Resolve(reference) is not PdfDictionary catalog)
            return;
        foreach (var (key, value) in catalog)
        {
            switch (key.Value)
            {
                case "Pages": PageTree(value, 0); break;
                case "AcroForm": AcroForm(value); break;
                case "DSS": Mark(value, ObjectRole.Validation); break;
                case "Metadata" or "PieceInfo": Mark(value, ObjectRole.Metadata); break;
                case "Perms": Mark(value, ObjectRole.Signature); break;
                case "StructTreeRoot": Mark(value, ObjectRole.Structure); break;
                case "Names": Names(value); break;
                case "Type": break;
                default: Mark(value, ObjectRole.Content); break;
            }
        }
    }

    void PageTree(PdfObject node, int depth)
    {
        if (depth > 64 || !Add(node, ObjectRole.Content) || _document.Resolve(node) is not PdfDictionary dictionary)
            return;
        var isPage = dictionary[PdfName.Type] is PdfName { Value: "Page" } || !dictionary.ContainsKey(PdfName.Kids);
        foreach (var (key, value) in dictionary)
        {
            switch (key.Value)
            {
                case "Parent": break;
                case "Kids" when !isPage:
                    if (Add(value, ObjectRole.Content) && _document.Resolve(value) is PdfArray kids)
                    {
                        foreach (var kid in kids)
                            PageTree(kid, depth + 1);
                    }
                    break;
                case "Annots" when isPage: Annotations(value); break;
                default: Mark(value, ObjectRole.Content); break;
            }
        }
    }

    void Annotations(PdfObject value)
    {
        if (!Add(value, ObjectRole.AnnotationList) || _document.Resolve(value) is not PdfArray annotations)
            return;
        var formWidgets = FormWidgets.Of(_document);
        foreach (var annotation in annotations)
            Mark(annotation, formWidgets.IsFormWidget(_document, annotation) ? ObjectRole.Form : ObjectRole.Annotation);
    }

    /// <summary>The name dictionary: named appearance streams (/AP) serve annotations; the rest (JavaScript, files, destinations) is content.</summary>
    void Names(PdfObject value)
    {
        if (_document.Resolve(value) is not PdfDictionary names)
            return;
        if (!Add(value, names.Keys.All(k => k.Value == "AP") ? ObjectRole.Annotation : ObjectRole.Content))
            return;
        foreach (var (key, entry) in names)
            Mark(entry, key.Value == "AP" ? ObjectRole.Annotation : ObjectRole.Content);
    }

    void AcroForm(PdfObject value)
    {
        if (!Add(value, ObjectRole.Form) || _document.Resolve(value) is not PdfDictionary form)
            return;
        foreach (var (key, entry) in form)
        {
            if (key.Value == "Fields")
            {
                if (Add(entry, ObjectRole.Form) && _document.Resolve(entry) is PdfArray fields)
                {
                    foreach (var field in fields)
                        Mark(field, ObjectRole.Form);
                }
            }
            else
                Mark(entry, ObjectRole.Form);
        }
    }

    /// <summary>Marks everything reachable from <paramref name="start"/> (not following back links), iteratively.</summary>
    void Mark(PdfObject start, ObjectRole role)
    {
        var stack = new Stack<(PdfObject Value, ObjectRole Role)>();
        stack.Push((start, role));
        while (stack.Count > 0)
        {
            var (value, current) = stack.Pop();
            if (value is PdfReference reference)
            {
                try
                {
                    value = _document.Resolve(reference);
                }
                catch (PdfException)
                {
                    continue;
                }
                if (IsSignature(value))
                    current = ObjectRole.Signature;
                if (!Add(reference.Id.Number, current))
                    continue;
            }
            switch (value)
            {
                case PdfDictionary dictionary:
                    Push(stack, dictionary, current);
                    break;
                case PdfStream stream:
                    Push(stack, stream.Dictionary, current);
                    break;
                case PdfArray array:
                    foreach (var item in array)
                        stack.Push((item, current));
                    break;
            }
        }
    }

    static void Push(Stack<(PdfObject, ObjectRole)> stack, PdfDictionary dictionary, ObjectRole role)
    {
        // Pages are walked from the page tree only; a link to a page (an action, a destination)
        // must not give the page's annotations the linking object's role.
        if (dictionary[PdfName.Type] is PdfName { Value: "Page" or "Pages" })
            return;
        var here = IsSignature(dictionary) ? ObjectRole.Signature : role;
        foreach (var (key, value) in dictionary)
        {
            if (!BackLinks.Contains(key.Value) && value is PdfReference or PdfDictionary or PdfArray)
                stack.Push((value, here));
        }
    }

    /// <summary>A signature or document timestamp dictionary (a signed field's /V).</summary>
    public static bool IsSignature(PdfObject value) =>
        value is PdfDictionary d && (d[PdfName.Type] is PdfName { Value: "Sig" or "DocTimeStamp" } || d.ContainsKey(new PdfName("ByteRange")));

    bool Add(PdfObject value, ObjectRole role) => value is not PdfReference reference || Add(reference.Id.Number, role);

    /// <summary>Adds the role; false when the object already had it (or the walk is over its budget).</summary>
    bool Add(int number, ObjectRole role)
    {
        var had = _roles.GetValueOrDefault(number);
        if ((had & role) == role)
            return false;
        if (++_visited > MaxObjects)
        {
            Truncated = true;
            return false;
        }
        _roles[number] = had | role;
        return true;
    }
}
