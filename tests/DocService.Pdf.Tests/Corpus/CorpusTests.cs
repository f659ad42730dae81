using DocService.Pdf.CrossReference;
using DocService.Pdf.Document;
using DocService.Pdf.Objects;
using DocService.Pdf.Tests.Support;

namespace DocService.Pdf.Tests.Corpus;

/// <summary>Real signed PDFs from other tools (../shared/corpus): all must open, and what we find must match MANIFEST.tsv.</summary>
[Trait("Category", "Corpus")]
public class CorpusTests
{
    private static readonly TimeSpan PerFileLimit = TimeSpan.FromSeconds(20);

    public static TheoryData<string> Files => Support.Corpus.FileNames();

    internal static PdfDocument Open(string file)
    {
        var bytes = File.ReadAllBytes(Support.Corpus.PathOf(file));
        return TestPdf.Open(bytes);
    }

    internal static T WithinLimit<T>(Func<T> work)
    {
        var task = Task.Run(work);
        task.Wait(PerFileLimit, TestContext.Current.CancellationToken).ShouldBeTrue($"took longer than {PerFileLimit}");
        return task.Result;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_corpus_file_opens_without_exception_or_hang(string file)
    {
        Support.Corpus.RequireCorpus();

        WithinLimit(() =>
        {
            var document = Open(file);
            document.Revisions.ShouldNotBeEmpty();
            if (!document.IsEncrypted)
            {
                document.Catalog.ShouldNotBeNull();
                document.Pages.ShouldNotBeEmpty();
                _ = document.Fields;
            }
            return document;
        });
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_object_in_a_corpus_file_resolves_or_fails_with_a_pdf_exception(string file)
    {
        Support.Corpus.RequireCorpus();

        var failures = WithinLimit(() =>
        {
            var document = Open(file);
            var failed = new List<string>();
            foreach (var (number, entry) in document.CrossReference)
            {
                try
                {
                    if (document.GetObject(new ObjectId(number, entry.Generation)) is PdfStream stream && !document.IsEncrypted
                        && stream.Dictionary[PdfName.Type] is PdfName { Value: "ObjStm" or "XRef" })
                        document.DecodeStream(stream);
                }
                catch (PdfException e)
                {
                    failed.Add($"{number}: {e.Message}");
                }
            }
            return failed;
        });

        // Only the encrypted file may have objects we cannot read (its object streams are encrypted).
        if (!file.Contains("encrypted", StringComparison.Ordinal))
            failures.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Revision_count_matches_the_eof_markers_counted_in_the_manifest(string file)
    {
        Support.Corpus.RequireCorpus();
        var expected = Manifest(file).Feature("revisions(%%EOF)");

        Open(file).Revisions.Count.ShouldBe(expected!.Value);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Xref_streams_object_streams_and_hybrid_sections_match_the_manifest(string file)
    {
        Support.Corpus.RequireCorpus();
        var row = Manifest(file);
        var document = Open(file);

        // The manifest counts /Type /XRef objects in the bytes, including orphans no chain reaches
        // (DSS-1683) and one stream shared by two hybrid sections; so compare presence, not counts.
        var xrefStreams = document.XrefSections.Count(s => s.Kind is XrefKind.Stream or XrefKind.Hybrid);
        (xrefStreams > 0).ShouldBe((row.Feature("xref-streams") ?? 0) > 0);
        document.XrefSections.Any(s => s.Kind == XrefKind.Hybrid).ShouldBe(row.Has("hybrid-XRefStm"));
        var objectStreamsInUse = document.CrossReference.Values
            .Where(e => e.Kind == XrefEntryKind.InObjectStream).Select(e => e.ObjectStreamNumber).Distinct().Count();
        (objectStreamsInUse > 0).ShouldBe((row.Feature("objstm") ?? 0) > 0);
        document.IsEncrypted.ShouldBe(row.Has("Encrypted"));
    }

    [Fact]
    public void Signature_fields_of_a_certified_document_are_found_with_their_signature_values()
    {
        Support.Corpus.RequireCorpus();

        var fields = Open("esig-dss/dss-1188/Test.pdf").Fields.Where(f => f.IsSignature).ToList();

        fields.Count.ShouldBe(3);
        fields.Count(f => f.IsSigned).ShouldBe(1);
        fields.ShouldAllBe(f => f.Widgets.Count > 0);
    }

    private static ManifestRow Manifest(string file) => Support.Corpus.Manifest.Single(r => r.File == file);
}
