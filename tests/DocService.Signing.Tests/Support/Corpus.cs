namespace DocService.Signing.Tests.Support;

/// <summary>
/// PDFs signed by other tools in ../shared/corpus (or $DOCSERVICE_CORPUS). A fresh clone has none,
/// so tests skip; CI sets DOCSERVICE_REQUIRE_CORPUS=1 so losing it fails.
/// </summary>
public static class Corpus
{
    static readonly string? Root = Locate();

    public static string PathOf(string relative)
    {
        if (Root is null)
        {
            const string reason = "The corpus is absent (../shared/corpus or DOCSERVICE_CORPUS).";
            if (Environment.GetEnvironmentVariable("DOCSERVICE_REQUIRE_CORPUS") == "1")
                Assert.Fail(reason);
            Assert.Skip(reason);
        }
        return Path.Combine(Root, relative);
    }

    static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("DOCSERVICE_CORPUS") is { Length: > 0 } configured && Directory.Exists(configured))
            return configured;
        var candidate = Path.GetFullPath(Path.Combine(DevPki.Directory, "..", "..", "shared", "corpus"));
        return File.Exists(Path.Combine(candidate, "MANIFEST.tsv")) ? candidate : null;
    }
}
