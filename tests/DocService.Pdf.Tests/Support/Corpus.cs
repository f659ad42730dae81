namespace DocService.Pdf.Tests.Support;

/// <summary>
/// The shared corpus of PDFs signed by other tools (../shared/corpus or $DOCSERVICE_CORPUS).
/// A user's fresh clone has no corpus, so absent ⇒ tests skip; CI, which always has it, sets
/// DOCSERVICE_REQUIRE_CORPUS=1 so that losing it fails instead of silently skipping.
/// </summary>
internal static class Corpus
{
    public static string? Directory { get; } = Locate();

    public static bool Required => Environment.GetEnvironmentVariable("DOCSERVICE_REQUIRE_CORPUS") == "1";

    /// <summary>Paths relative to the corpus root of every PDF listed in MANIFEST.tsv.</summary>
    public static IReadOnlyList<string> Files => Manifest.Select(row => row.File).ToList();

    public static IReadOnlyList<ManifestRow> Manifest { get; } = ReadManifest();

    public static string PathOf(string relative)
    {
        RequireCorpus();
        return Path.Combine(Directory!, relative);
    }

    public static void RequireCorpus()
    {
        if (Directory is not null)
            return;
        if (Required)
            throw new InvalidOperationException("DOCSERVICE_REQUIRE_CORPUS=1 but the corpus was not found (../shared/corpus or $DOCSERVICE_CORPUS).");
        Assert.Skip("Corpus not found: set DOCSERVICE_CORPUS or place it at ../shared/corpus");
    }

    /// <summary>Names for [MemberData]: every corpus PDF, or one marker row when the corpus is absent (the test then skips).</summary>
    public static TheoryData<string> FileNames()
    {
        var data = new TheoryData<string>();
        foreach (var file in Files.DefaultIfEmpty("(corpus absent)"))
            data.Add(file);
        return data;
    }

    private static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable("DOCSERVICE_CORPUS");
        if (!string.IsNullOrEmpty(configured) && File.Exists(Path.Combine(configured, "MANIFEST.tsv")))
            return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DocService.sln")))
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus"));
                return File.Exists(Path.Combine(candidate, "MANIFEST.tsv")) ? candidate : null;
            }
        }
        return null;
    }

    private static List<ManifestRow> ReadManifest()
    {
        if (Directory is null)
            return [];
        return File.ReadLines(Path.Combine(Directory, "MANIFEST.tsv"))
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Where(cells => cells.Length > 7 && cells[0].EndsWith(".pdf", StringComparison.Ordinal))
            .Select(cells => new ManifestRow(cells[0], cells[7]))
            .ToList();
    }
}

/// <summary>One MANIFEST.tsv row: the file and its measured features ("revisions(%%EOF)=5; xref-streams=5; …").</summary>
internal sealed record ManifestRow(string File, string Features)
{
    public int? Feature(string name)
    {
        foreach (var part in Features.Split(';', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith(name + "=", StringComparison.Ordinal) && int.TryParse(part[(name.Length + 1)..], out var value))
                return value;
        }
        return null;
    }

    public bool Has(string flag) => Features.Split(';', StringSplitOptions.TrimEntries).Contains(flag);
}
