using DocService.Pdf;
using DocService.Pdf.Document;
using DocService.Pdf.IO;

namespace DocService.Signing.Validation.Pdf;

/// <summary>
/// The document as it was at the end of each revision, opened lazily on a prefix of the same
/// stream: what a signature signed, and what each later revision changed, are read from these.
/// </summary>
internal sealed class RevisionSnapshots(Stream stream, PdfDocument latest, PdfLimits limits)
{
    readonly Dictionary<int, PdfDocument?> _opened = [];

    public PdfDocument Latest => latest;

    public IReadOnlyList<PdfRevision> Revisions => latest.Revisions;

    public int Count => latest.Revisions.Count;

    /// <summary>The document at the end of revision <paramref name="number"/> (1-based); null when that prefix cannot be read.</summary>
    public PdfDocument? At(int number)
    {
        if (number == Count)
            return latest;
        if (_opened.TryGetValue(number, out var document))
            return document;
        var revision = latest.Revisions[number - 1];
        try
        {
            document = PdfDocument.Open(new PrefixStream(stream, revision.EndOffset), limits);
        }
        catch (PdfException)
        {
            document = null;
        }
        _opened[number] = document;
        return document;
    }

    /// <summary>The revision whose bytes end exactly at <paramref name="end"/> (after %%EOF, with or without its end-of-line).</summary>
    public PdfRevision? EndingAt(long end) =>
        latest.Revisions.FirstOrDefault(r => r.EofOffset == end || r.EndOffset == end);

    /// <summary>The revision whose appended bytes contain <paramref name="offset"/>.</summary>
    public int RevisionContaining(long offset)
    {
        foreach (var revision in latest.Revisions)
        {
            if (offset < revision.EofOffset)
                return revision.Number;
        }
        return Count;
    }
}
