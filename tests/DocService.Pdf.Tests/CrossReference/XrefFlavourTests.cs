using DocService.Pdf.CrossReference;
using DocService.Pdf.Objects;
using DocService.Pdf.Tests.Support;

namespace DocService.Pdf.Tests.CrossReference;

public class XrefFlavourTests
{
    private static readonly int[] Compressed = [5, 6, 7];

    public static TheoryData<string> Flavours => new() { "table", "stream", "hybrid" };

    internal static byte[] Build(string flavour) => flavour switch
    {
        "table" => TestPdfBuilder.MinimalDocument().BuildWithTable(),
        "stream" => TestPdfBuilder.MinimalDocument().BuildWithXrefStream(Compressed),
        _ => TestPdfBuilder.MinimalDocument().BuildHybrid(Compressed),
    };

    [Theory]
    [MemberData(nameof(Flavours))]
    public void Every_flavour_resolves_direct_and_compressed_objects(string flavour)
    {
        var document = TestPdf.Open(Build(flavour));

        document.Catalog[PdfName.Type].ShouldBe(new PdfName("Catalog"));
        document.GetObject(new ObjectId(5, 0)).ShouldBe(new PdfInteger(29));
        document.GetObject(new ObjectId(7, 0)).ShouldBeOfType<PdfDictionary>()[PdfName.FT].ShouldBe(new PdfName("Sig"));
        document.WasRecovered.ShouldBeFalse();
    }

    [Theory]
    [InlineData("table", XrefKind.Table)]
    [InlineData("stream", XrefKind.Stream)]
    [InlineData("hybrid", XrefKind.Hybrid)]
    public void The_newest_section_kind_is_reported(string flavour, XrefKind expected)
    {
        var document = TestPdf.Open(Build(flavour));

        document.LatestXrefKind.ShouldBe(expected);
        document.Revisions.ShouldHaveSingleItem().XrefKind.ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void A_single_revision_ends_at_the_final_eof_marker(string flavour)
    {
        var bytes = Build(flavour);

        var revision = TestPdf.Open(bytes).Revisions.ShouldHaveSingleItem();

        revision.EndOffset.ShouldBe(bytes.Length);
        revision.EofOffset.ShouldBe(bytes.Length - 1);
        TestPdf.Text(bytes[(int)(revision.EofOffset - 5)..(int)revision.EofOffset]).ShouldBe("%%EOF");
    }

    [Fact]
    public void A_stream_length_given_by_reference_is_resolved()
    {
        var document = TestPdf.Open(Build("stream"));

        var content = document.GetObject(new ObjectId(4, 0)).ShouldBeOfType<PdfStream>();

        TestPdf.Text(document.DecodeStream(content)).ShouldBe("BT /F1 12 Tf (Xin chao) Tj ET");
    }

    [Fact]
    public void A_wrong_stream_length_is_repaired_by_finding_endstream()
    {
        var bytes = new TestPdfBuilder()
            .Object(1, "<< /Type /Catalog /Pages 2 0 R >>")
            .Object(2, "<< /Type /Pages /Kids [] /Count 0 >>")
            .Object(3, "<< /Length 999 >>\nstream\nabc\nendstream")
            .BuildWithTable();

        var stream = TestPdf.Open(bytes).GetObject(new ObjectId(3, 0)).ShouldBeOfType<PdfStream>();

        stream.Data.Length.ShouldBe(3);
    }

    [Fact]
    public void An_encrypted_file_is_recognised_without_being_decrypted()
    {
        var bytes = TestPdfBuilder.MinimalDocument().BuildWithTable("/Encrypt << /Filter /Standard /V 2 >> ");

        TestPdf.Open(bytes).IsEncrypted.ShouldBeTrue();
    }

    [Fact]
    public void Offsets_that_miss_their_objects_are_recovered_by_scanning()
    {
        var bytes = TestPdfBuilder.MinimalDocument().BuildWithTable();
        var text = TestPdf.Text(bytes);
        // Shift every object by inserting bytes after the header: all xref offsets are now wrong.
        var shifted = TestPdf.Text(bytes).Insert(text.IndexOf("1 0 obj", StringComparison.Ordinal), "% padding that breaks every offset\n");

        var document = TestPdf.Open(System.Text.Encoding.Latin1.GetBytes(shifted));

        document.Catalog[PdfName.Type].ShouldBe(new PdfName("Catalog"));
        document.Pages.Count.ShouldBe(2);
    }

    [Fact]
    public void A_startxref_a_few_bytes_off_finds_the_table_nearby_and_updates_chain_to_where_it_really_is()
    {
        var text = TestPdf.Text(TestPdfBuilder.MinimalDocument().BuildWithTable());
        var xref = text.IndexOf("xref\n0 ", StringComparison.Ordinal);
        // Junk (not a comment, which a lexer would skip) pushes the table 5 bytes past startxref.
        var shifted = System.Text.Encoding.Latin1.GetBytes(text.Insert(xref, "junk\n"));

        var document = TestPdf.Open(shifted);

        document.WasRecovered.ShouldBeFalse();
        document.StartXref.ShouldBe(xref + 5);
        var (output, _, _) = Writing.IncrementalUpdateTests.AppendRevision(shifted);
        TestPdf.Open(output).XrefSections.Select(s => s.Offset).ShouldBe([TestPdf.Open(output).StartXref, xref + 5]);
        Qpdf.Check(output).HasErrors.ShouldBeFalse();
    }

    [Fact]
    public void A_file_without_any_cross_reference_is_rebuilt_from_its_objects()
    {
        var text = TestPdf.Text(TestPdfBuilder.MinimalDocument().BuildWithTable());
        var xref = text.IndexOf("xref", StringComparison.Ordinal);
        var broken = text[..xref] + "trailer\n<< /Size 10 /Root 1 0 R >>\n%%EOF\n";

        var document = TestPdf.Open(System.Text.Encoding.Latin1.GetBytes(broken));

        document.WasRecovered.ShouldBeTrue();
        document.Revisions.ShouldHaveSingleItem().XrefKind.ShouldBe(XrefKind.Recovered);
        document.Fields.Count.ShouldBe(2);
    }
}
