using DocService.Pdf.Document;
using DocService.Pdf.Objects;

namespace DocService.Signing.Validation.Pdf;

/// <summary>
/// A signature or document timestamp found in a signature field of some revision, with the
/// dictionary as it was first written (what its ByteRange and /Contents are checked against).
/// </summary>
/// <remarks>
/// <para><c>FieldName</c>: Full name of the field holding it (the newest name seen).</para>
/// <para><c>DictionaryId</c>: The signature dictionary's object, when indirect.</para>
/// <para><c>ContainerId</c>: The object whose bytes hold the dictionary (itself, or the field when the dictionary is direct).</para>
/// <para><c>Dictionary</c>: The signature dictionary in the first revision that has it.</para>
/// <para><c>FirstRevision</c>: The first revision in which a field holds it.</para>
/// <para><c>PresentAtEnd</c>: Whether the final document still holds it in a field.</para>
/// <para><c>ByteRange</c>: The four /ByteRange numbers; null when absent or not four integers.</para>
/// <para><c>Contents</c>: /Contents as parsed; null when absent or not a string.</para>
/// <para><c>OutsideForm</c>: Found only as a widget in a page's /Annots, not through the AcroForm's /Fields.</para>
/// </remarks>
internal sealed record EmbeddedSignature(
    string FieldName,
    ObjectId? DictionaryId,
    ObjectId? ContainerId,
    PdfDictionary Dictionary,
    int FirstRevision,
    bool PresentAtEnd,
    IReadOnlyList<long>? ByteRange,
    byte[]? Contents,
    string? SubFilter,
    bool OutsideForm = false)
{
    public bool IsDocumentTimestamp =>
        Dictionary["Type"] is PdfName { Value: "DocTimeStamp" } || SubFilter == "ETSI.RFC3161";
}

/// <summary>
/// Finds every signed signature field of every revision, so a signature a later revision hid is
/// still reported: through the AcroForm's field tree, and through the pages' widget annotations
/// (a signed /FT /Sig widget that the form does not list still carries a signature a viewer shows).
/// </summary>
internal static class SignatureLocator
{
    public static IReadOnlyList<EmbeddedSignature> FindAll(Stream stream, RevisionSnapshots snapshots, List<string> problems)
    {
        var found = new Dictionary<string, EmbeddedSignature>();
        var order = new List<string>();
        for (var number = 1; number <= snapshots.Count; number++)
        {
            // A signature dictionary is never compressed (its /Contents must lie in the file's bytes),
            // so a revision whose appended bytes hold no "/ByteRange" adds no signature: skip opening it.
            var start = number == 1 ? 0 : snapshots.Revisions[number - 2].EofOffset;
            if (number < snapshots.Count && StreamBytes.IndexOf(stream, "/ByteRange"u8, start, snapshots.Revisions[number - 1].EofOffset) < 0)
                continue;
            var document = snapshots.At(number);
            if (document is null)
                continue; // e.g. a linearized file's first-page section: no document of its own

            IReadOnlyList<PdfFormField> fields;
            try
            {
                fields = document.Fields;
            }
            catch (DocService.Pdf.PdfException e)
            {
                if (number == snapshots.Count)
                    problems.Add($"The form fields cannot be read: {e.Message}");
                continue;
            }
            var seenHere = new HashSet<string>();
            var occurrences = new Dictionary<string, int>();
            var formObjects = new HashSet<ObjectId>();
            var candidates = fields.Where(f => f.IsSigned)
                .Select(f => new SignedField(f.FullName, f.Id, f.Dictionary, (PdfDictionary)f.Value!, OutsideForm: false)).ToList();
            // A signature field whose value does not even parse is a broken signature, never "no signature": it is
            // reported with no ByteRange and no /Contents, which every check fails.
            foreach (var broken in fields.Where(f => f.IsSignature && f.ValueError is not null))
            {
                if (number == snapshots.Count)
                    problems.Add($"The signature of field '{broken.FullName}' cannot be read: {broken.ValueError}");
                candidates.Add(new SignedField(broken.FullName, broken.Id, broken.Dictionary, PdfDictionary.Empty, OutsideForm: false));
            }
            foreach (var field in fields)
            {
                if (field.Id is { } fieldId)
                    formObjects.Add(fieldId);
                formObjects.UnionWith(field.Widgets.Select(w => w.Id).OfType<ObjectId>());
            }
            candidates.AddRange(SignedWidgetsOutsideForm(document, formObjects, problems, isLatest: number == snapshots.Count));
            foreach (var field in candidates)
            {
                var dictionary = field.Value;
                var byteRange = ReadByteRange(document, dictionary);
                var contents = (document.Resolve(dictionary["Contents"]) as PdfString)?.Bytes.ToArray();
                // Fields that share one signature (one ByteRange and /Contents) are each a signature a viewer shows, so
                // each is reported: the n-th field holding it in a revision is the n-th signature of that identity,
                // and the same signature seen again in a later revision is still the same one.
                var identity = Identity(byteRange, contents);
                var occurrence = occurrences.GetValueOrDefault(identity);
                occurrences[identity] = occurrence + 1;
                var key = $"{identity}#{occurrence}";
                seenHere.Add(key);
                if (found.TryGetValue(key, out var known))
                {
                    found[key] = known with { FieldName = field.Name, OutsideForm = field.OutsideForm };
                    continue;
                }
                var dictionaryId = (field.Dictionary[PdfName.V] as PdfReference)?.Id;
                found[key] = new EmbeddedSignature(
                    field.Name, dictionaryId, dictionaryId ?? field.Id, dictionary, number, PresentAtEnd: false,
                    byteRange, contents, (document.Resolve(dictionary["SubFilter"]) as PdfName)?.Value, field.OutsideForm);
                order.Add(key);
            }
            if (number == snapshots.Count)
            {
                foreach (var key in seenHere)
                    found[key] = found[key] with { PresentAtEnd = true };
            }
        }
        return order.Select(k => found[k])
            .OrderBy(s => s.ByteRange is { } r ? r[2] + r[3] : long.MaxValue)
            .ThenBy(s => s.FirstRevision)
            .ToList();
    }

    sealed record SignedField(string Name, ObjectId? Id, PdfDictionary Dictionary, PdfDictionary Value, bool OutsideForm);

    /// <summary>Signed /FT /Sig widgets in the pages' /Annots that are neither a form field nor a field's widget.</summary>
    static IEnumerable<SignedField> SignedWidgetsOutsideForm(PdfDocument document, HashSet<ObjectId> formObjects, List<string> problems, bool isLatest)
    {
        IReadOnlyList<PdfPage> pages;
        try
        {
            pages = document.Pages;
        }
        catch (DocService.Pdf.PdfException e)
        {
            if (isLatest)
                problems.Add($"The page tree cannot be read, so signatures outside the form were not looked for: {e.Message}");
            return [];
        }
        var found = new List<SignedField>();
        foreach (var page in pages)
        {
            if (document.Resolve(page.Dictionary["Annots"]) is not PdfArray annotations)
                continue;
            foreach (var entry in annotations)
            {
                var id = (entry as PdfReference)?.Id;
                if (id is { } known && formObjects.Contains(known)
                    || document.Resolve(entry) is not PdfDictionary widget
                    || document.Resolve(widget[PdfName.FT]) is not PdfName { Value: "Sig" }
                    || document.Resolve(widget[PdfName.V]) is not PdfDictionary value)
                    continue;
                var name = (document.Resolve(widget[PdfName.T]) as PdfString)?.ToText() ?? $"(widget {id?.ToString() ?? "direct"} on page {page.Index + 1})";
                found.Add(new SignedField(name, id, widget, value, OutsideForm: true));
            }
        }
        return found;
    }

    static IReadOnlyList<long>? ReadByteRange(PdfDocument document, PdfDictionary dictionary)
    {
        if (document.Resolve(dictionary["ByteRange"]) is not PdfArray { Count: 4 } array)
            return null;
        var values = new long[4];
        for (var i = 0; i < 4; i++)
        {
            if (document.Resolve(array[i]) is not PdfInteger integer)
                return null;
            values[i] = integer.Value;
        }
        return values;
    }

    static string Identity(IReadOnlyList<long>? byteRange, byte[]? contents) =>
        (byteRange is null ? "-" : string.Join(' ', byteRange)) + "|" +
        (contents is null ? "-" : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(contents)));
}
