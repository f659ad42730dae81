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
    string? SubFilter)
{
    public bool IsDocumentTimestamp =>
        Dictionary["Type"] is PdfName { Value: "DocTimeStamp" } || SubFilter == "ETSI.RFC3161";
}

/// <summary>Finds every signed signature field of every revision, so a signature a later revision hid is still reported.</summary>
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
            foreach (var field in fields.Where(f => f.IsSigned))
            {
                var dictionary = (PdfDictionary)field.Value!;
                var byteRange = ReadByteRange(document, dictionary);
                var contents = (document.Resolve(dictionary["Contents"]) as PdfString)?.Bytes.ToArray();
                var key = Identity(byteRange, contents);
                seenHere.Add(key);
                if (found.TryGetValue(key, out var known))
                {
                    found[key] = known with { FieldName = field.FullName };
                    continue;
                }
                var dictionaryId = (field.Dictionary[PdfName.V] as PdfReference)?.Id;
                found[key] = new EmbeddedSignature(
                    field.FullName, dictionaryId, dictionaryId ?? field.Id, dictionary, number, PresentAtEnd: false,
                    byteRange, contents, (document.Resolve(dictionary["SubFilter"]) as PdfName)?.Value);
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
