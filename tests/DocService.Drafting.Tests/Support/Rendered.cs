using DocService.Drafting.Model;
using DocService.Drafting.Rendering;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace DocService.Drafting.Tests.Support;

/// <summary>A draft rendered once, with the bytes, the renderer's report and PdfPig views of it.</summary>
internal sealed class Rendered
{
    static readonly DraftRenderer Renderer = new(FixedTime.Default);

    public byte[] Pdf { get; }
    public RenderedDraft Result { get; }

    Rendered(byte[] pdf, RenderedDraft result)
    {
        Pdf = pdf;
        Result = result;
    }

    public static Rendered From(Draft draft)
    {
        using var stream = new MemoryStream();
        var result = Renderer.Render(draft, stream);
        return new Rendered(stream.ToArray(), result);
    }

    public PdfDocument Open() => PdfDocument.Open(Pdf);

    /// <summary>Writes the PDF to a file named for the test, under the test output directory.</summary>
    public string SaveAs(string name)
    {
        var path = Path.Combine(OutputDirectory, name + ".pdf");
        File.WriteAllBytes(path, Pdf);
        return path;
    }

    public static string OutputDirectory
    {
        get
        {
            var directory = Path.Combine(AppContext.BaseDirectory, "rendered");
            Directory.CreateDirectory(directory);
            return directory;
        }
    }

    /// <summary>Text lines per page, top to bottom, words joined by single spaces.</summary>
    public IReadOnlyList<IReadOnlyList<TextRow>> Lines()
    {
        using var document = Open();
        return document.GetPages().Select(TextRow.Of).ToList();
    }

    /// <summary>All text of the document, whitespace collapsed, lines joined by spaces.</summary>
    public string Text() => string.Join(" ", Lines().SelectMany(page => page.Select(line => line.Text)));
}

/// <summary>Letters sharing a baseline, as one line of text with its bounds (PDF points, origin bottom-left).</summary>
internal sealed record TextRow(string Text, double Left, double Right, double Baseline, double Top, double Bottom, IReadOnlyList<Letter> Letters)
{
    public double Centre => (Left + Right) / 2;

    public static IReadOnlyList<TextRow> Of(Page page) =>
        page.Letters
            .GroupBy(l => Math.Round(l.StartBaseLine.Y * 2) / 2)
            .OrderByDescending(g => g.Key)
            .SelectMany(g => SplitColumns(g.OrderBy(l => l.StartBaseLine.X).ToList(), g.Key))
            .ToList();

    /// <summary>Text on one baseline splits where a wide gap separates the two columns of the header or signature block.</summary>
    static IEnumerable<TextRow> SplitColumns(List<Letter> letters, double baseline)
    {
        var start = 0;
        for (var i = 1; i <= letters.Count; i++)
        {
            if (i < letters.Count && letters[i].StartBaseLine.X - letters[i - 1].EndBaseLine.X < 20) continue;
            var run = letters.GetRange(start, i - start);
            var visible = run.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
            if (visible.Count > 0)
            {
                var text = System.Text.RegularExpressions.Regex.Replace(string.Concat(run.Select(l => l.Value)), @"\s+", " ").Trim();
                yield return new TextRow(text,
                    visible.Min(l => l.BoundingBox.Left), visible.Max(l => l.BoundingBox.Right), baseline,
                    visible.Max(l => l.BoundingBox.Top), visible.Min(l => l.BoundingBox.Bottom), visible);
            }
            start = i;
        }
    }
}
