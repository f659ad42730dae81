using DocService.Pdf.CrossReference;
using DocService.Pdf.Document;
using DocService.Pdf.Objects;
using DocService.Pdf.Tests.Support;
using DocService.Pdf.Tests.Writing;
using DocService.Pdf.Writing;

namespace DocService.Pdf.Tests.Corpus;

/// <summary>Incremental updates on real files of every flavour: earlier bytes untouched, result readable by us and by qpdf.</summary>
[Trait("Category", "Corpus")]
public class CorpusUpdateTests
{
    public static TheoryData<string> Files => Support.Corpus.FileNames();

    [Theory]
    [MemberData(nameof(Files))]
    public void Updating_a_corpus_file_keeps_it_as_a_byte_exact_prefix_and_adds_one_revision(string file)
    {
        Support.Corpus.RequireCorpus();
        var original = File.ReadAllBytes(Support.Corpus.PathOf(file));
        var before = TestPdf.Open(original);
        if (RefusedByDesign(before))
            return;

        var (output, _, added) = CorpusTests.WithinLimit(() => IncrementalUpdateTests.AppendRevision(original));
        var after = TestPdf.Open(output);

        output.AsSpan(0, original.Length).SequenceEqual(original).ShouldBeTrue();
        after.Revisions.Count.ShouldBe(before.Revisions.Count + 1);
        after.Revisions[^2].EndOffset.ShouldBeGreaterThanOrEqualTo(original.Length - 2);
        after.LatestXrefKind.ShouldBe(before.LatestXrefKind);
        after.Catalog["DocServiceTest"].ShouldBe(added);
        after.GetObject(added.Id).ShouldBeOfType<PdfDictionary>()[PdfName.Type].ShouldBe(new PdfName("Test"));
        after.Pages.Count.ShouldBe(before.Pages.Count);
        after.Fields.Count.ShouldBe(before.Fields.Count);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Qpdf_reports_no_new_problems_in_an_updated_corpus_file(string file)
    {
        Support.Corpus.RequireCorpus();
        var original = File.ReadAllBytes(Support.Corpus.PathOf(file));
        if (RefusedByDesign(TestPdf.Open(original)))
            return;
        var originalCheck = Qpdf.Check(original);

        var (output, _, _) = IncrementalUpdateTests.AppendRevision(original);
        var check = Qpdf.Check(output);

        check.HasErrors.ShouldBeFalse(check.Output);
        if (originalCheck.ExitCode == 0)
            check.ExitCode.ShouldBe(0, check.Output);
    }

    /// <summary>
    /// Encrypted files (we do not encrypt new objects) and files whose cross-reference had to be
    /// rebuilt (a new section could not chain to it) must be refused, and clearly.
    /// </summary>
    private static bool RefusedByDesign(PdfDocument document)
    {
        if (!document.IsEncrypted && !document.WasRecovered)
            return false;
        Should.Throw<PdfUnsupportedFeatureException>(() => new IncrementalUpdate(document));
        return true;
    }

    [Theory]
    [InlineData("node-signpdf/signed-twice.pdf", XrefKind.Table)]
    [InlineData("pyhanko/minimal-two-fields-signed-twice.pdf", XrefKind.Stream)]
    [InlineData("esig-dss/dss-2554/certified-no-change-permitted.pdf", XrefKind.Hybrid)]
    public void The_corpus_has_a_file_of_each_flavour_to_update(string file, XrefKind kind)
    {
        Support.Corpus.RequireCorpus();

        CorpusTests.Open(file).LatestXrefKind.ShouldBe(kind);
    }
}
