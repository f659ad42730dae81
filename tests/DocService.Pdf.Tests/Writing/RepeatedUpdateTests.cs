using DocService.Pdf.Objects;
using DocService.Pdf.Tests.CrossReference;
using DocService.Pdf.Tests.Support;

namespace DocService.Pdf.Tests.Writing;

public class RepeatedUpdateTests
{
    [Theory]
    [MemberData(nameof(XrefFlavourTests.Flavours), MemberType = typeof(XrefFlavourTests))]
    public void Each_update_adds_a_revision_and_earlier_revisions_keep_their_end_offsets(string flavour)
    {
        var original = XrefFlavourTests.Build(flavour);
        var (first, _, firstAdded) = IncrementalUpdateTests.AppendRevision(original);
        var (second, _, secondAdded) = IncrementalUpdateTests.AppendRevision(first);

        var document = TestPdf.Open(second);

        second.AsSpan(0, first.Length).SequenceEqual(first).ShouldBeTrue();
        document.Revisions.Select(r => r.EndOffset).ShouldBe([original.Length, first.Length, second.Length]);
        secondAdded.Id.Number.ShouldBeGreaterThan(firstAdded.Id.Number);
        document.GetObject(firstAdded.Id).ShouldBeOfType<PdfDictionary>();
        document.Catalog["DocServiceTest"].ShouldBe(secondAdded);
        document.XrefSections.Count.ShouldBeGreaterThanOrEqualTo(3);
    }
}
