using DocService.Pdf;
using DocService.Pdf.Document;
using DocService.Pdf.Objects;

namespace DocService.Signing.Validation.Modifications;

/// <summary>Comparisons of PDF objects between two revisions, for <see cref="ModificationAnalyzer"/>.</summary>
internal static class PdfObjectDiff
{
    /// <summary>
    /// A reference the change adds or drops to an object that is also used outside forms and
    /// annotations: a permitted-looking form update must not reach into page content (pyHanko's
    /// "clobbering" check; the sneaky-trailer corpus file).
    /// </summary>
    internal static (int Number, ObjectRole Role, string Verb)? SharedReference(PdfObject oldValue, PdfObject newValue, int self, Func<int, ObjectRole> rolesOf)
    {
        var oldRefs = References(oldValue);
        var newRefs = References(newValue);
        const ObjectRole outside = ObjectRole.Content | ObjectRole.Metadata | ObjectRole.Validation | ObjectRole.Container;
        foreach (var (refs, verb) in new[] { (newRefs.Except(oldRefs), "references"), (oldRefs.Except(newRefs), "stops referencing") })
        {
            foreach (var n in refs)
            {
                if (n != self && (rolesOf(n) & outside) != 0)
                    return (n, rolesOf(n), verb);
            }
        }
        return null;
    }

    internal static HashSet<int> References(PdfObject value)
    {
        var found = new HashSet<int>();
        var stack = new Stack<(PdfObject, int)>();
        stack.Push((value, 0));
        while (stack.Count > 0)
        {
            var (current, depth) = stack.Pop();
            if (depth > 32)
                continue;
            switch (current)
            {
                case PdfReference r: found.Add(r.Id.Number); break;
                case PdfStream st: stack.Push((st.Dictionary, depth + 1)); break;
                case PdfDictionary d:
                    foreach (var (key, v) in d)
                    {
                        if (key.Value is not ("P" or "Parent"))
                            stack.Push((v, depth + 1));
                    }
                    break;
                case PdfArray a:
                    foreach (var v in a)
                        stack.Push((v, depth + 1));
                    break;
            }
        }
        return found;
    }

    internal static string ChangedKeys(PdfDictionary before, PdfDictionary after) =>
        string.Join(", ", before.Keys.Concat(after.Keys).Distinct().Where(k => !Equals(before[k], after[k])).Select(k => "/" + k.Value)) is { Length: > 0 } keys ? keys : "no key";

    /// <summary>Where a signature dictionary's /ByteRange ends, when it is four integers.</summary>
    internal static long? RangeEnd(PdfDocument document, PdfDictionary signature)
    {
        if (document.Resolve(signature["ByteRange"]) is not PdfArray { Count: 4 } range
            || document.Resolve(range[2]) is not PdfInteger start || document.Resolve(range[3]) is not PdfInteger length)
            return null;
        return start.Value + length.Value;
    }

    internal static bool OnlyNamedAppearancesDiffer(PdfObject before, PdfObject after)
    {
        var b = before as PdfDictionary ?? PdfDictionary.Empty;
        var a = after as PdfDictionary ?? PdfDictionary.Empty;
        return b.Keys.Concat(a.Keys).Distinct().Where(k => !Equals(b[k], a[k])).All(k => k.Value == "AP");
    }

    internal static string? FieldName(PdfDocument document, PdfObject value)
    {
        var names = new List<string>();
        var current = value as PdfDictionary;
        for (var depth = 0; current is not null && depth < 32; depth++)
        {
            if (document.Resolve(current[PdfName.T]) is PdfString t)
                names.Insert(0, t.ToText());
            current = document.Resolve(current[PdfName.Parent]) as PdfDictionary;
        }
        return names.Count == 0 ? null : string.Join('.', names);
    }

    internal static PdfObject SafeGet(PdfDocument document, int number)
    {
        try
        {
            return document.GetObject(new ObjectId(number, document.GenerationOf(number)));
        }
        catch (PdfException)
        {
            return PdfNull.Instance;
        }
    }

    /// <summary>Equal values; streams compare dictionaries and raw bytes (their data lives at different offsets).</summary>
    internal static bool Same(PdfDocument before, PdfDocument after, PdfObject a, PdfObject b)
    {
        if (a is PdfStream sa && b is PdfStream sb)
        {
            if (!sa.Dictionary.Equals(sb.Dictionary) || sa.Data.Length != sb.Data.Length)
                return false;
            if (sa.Data.Length > 64 * 1024 * 1024)
                return false;
            using var ra = sa.Data.OpenRead();
            using var rb = sb.Data.OpenRead();
            Span<byte> x = stackalloc byte[4096];
            Span<byte> y = stackalloc byte[4096];
            while (true)
            {
                var n = ra.ReadAtLeast(x, x.Length, throwOnEndOfStream: false);
                var m = rb.ReadAtLeast(y, y.Length, throwOnEndOfStream: false);
                if (n != m || !x[..n].SequenceEqual(y[..m]))
                    return false;
                if (n == 0)
                    return true;
            }
        }
        return a.Equals(b);
    }
}
