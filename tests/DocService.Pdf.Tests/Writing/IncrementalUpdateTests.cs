using System.Text;
using DocService.Pdf.CrossReference;
using DocService.Pdf.Document;
using DocService.Pdf.Objects;
using DocService.Pdf.Tests.CrossReference;
using DocService.Pdf.Tests.Support;
using DocService.Pdf.Writing;

namespace DocService.Pdf.Tests.Writing;

public class IncrementalUpdateTests
{
    internal static (byte[] Output, IncrementalUpdateResult Result, PdfReference Added) AppendRevision(byte[] original)
    {
        var document = TestPdf.Open(original);
        var update = new IncrementalUpdate(document);
        var added = update.Add(PdfDictionary.Of(("Type", new PdfName("Test")), ("Note", PdfString.FromText("Văn bản mới"))));
        var rootNumber = ((PdfReference)document.Trailer[PdfName.Root]!).Id.Number;
        update.Replace(rootNumber, document.Catalog.With("DocServiceTest", added));
        using var output = new MemoryStream();
        var result = update.WriteTo(output);
        return (output.ToArray(), result, added);
    }

    [Theory]
    [MemberData(nameof(XrefFlavourTests.Flavours), MemberType = typeof(XrefFlavourTests))]
    public void Appended_revision_keeps_original_bytes_as_prefix(string flavour)
    {
        var original = XrefFlavourTests.Build(flavour);

        var (output, result, _) = AppendRevision(original);

        output.AsSpan(0, original.Length).SequenceEqual(original).ShouldBeTrue();
        result.UpdateOffset.ShouldBe(original.Length);
        result.Length.ShouldBe(output.Length);
    }

    [Theory]
    [InlineData("table", XrefKind.Table)]
    [InlineData("stream", XrefKind.Stream)]
    [InlineData("hybrid", XrefKind.Hybrid)]
    public void Appended_section_has_the_flavour_of_the_last_one_and_reopens_with_one_more_revision(string flavour, XrefKind kind)
    {
        var original = XrefFlavourTests.Build(flavour);

        var (output, result, added) = AppendRevision(original);
        var reopened = TestPdf.Open(output);

        reopened.Revisions.Count.ShouldBe(2);
        reopened.Revisions[0].EndOffset.ShouldBe(original.Length);
        reopened.Revisions[1].EndOffset.ShouldBe(output.Length);
        reopened.Revisions[1].XrefKind.ShouldBe(kind);
        reopened.Revisions[1].XrefOffset.ShouldBe(result.XrefOffset);
        reopened.Catalog["DocServiceTest"].ShouldBe(added);
        reopened.GetObject(added.Id).ShouldBeOfType<PdfDictionary>()["Note"].ShouldBe(PdfString.FromText("Văn bản mới"));
        reopened.Fields.Count.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(XrefFlavourTests.Flavours), MemberType = typeof(XrefFlavourTests))]
    public void New_objects_are_numbered_from_the_trailer_size(string flavour)
    {
        var original = XrefFlavourTests.Build(flavour);
        var size = TestPdf.Open(original).Trailer.GetInteger(PdfName.Size);

        var (output, _, added) = AppendRevision(original);

        added.Id.ShouldBe(new ObjectId((int)size!, 0));
        TestPdf.Open(output).Trailer.GetInteger(PdfName.Size)!.Value.ShouldBeGreaterThan(added.Id.Number);
    }

    [Fact]
    public void The_first_id_element_is_kept_and_the_second_changes()
    {
        var original = XrefFlavourTests.Build("table");

        var (output, _, _) = AppendRevision(original);
        var id = (PdfArray)TestPdf.Open(output).Trailer[PdfName.ID]!;

        ((PdfString)id[0]).Bytes.ToArray().ShouldBe(new byte[] { 1, 2 });
        ((PdfString)id[1]).Bytes.ToArray().ShouldNotBe(new byte[] { 3, 4 });
    }

    [Fact]
    public void A_missing_final_end_of_line_is_written_before_the_update()
    {
        var original = XrefFlavourTests.Build("table")[..^1];

        var (output, result, _) = AppendRevision(original);

        output.AsSpan(0, original.Length).SequenceEqual(original).ShouldBeTrue();
        output[original.Length].ShouldBe((byte)'\n');
        result.UpdateOffset.ShouldBe(original.Length + 1);
        TestPdf.Open(output).Revisions.Count.ShouldBe(2);
    }

    [Fact]
    public void Placeholder_offsets_point_at_the_reserved_bytes_in_the_output()
    {
        var document = TestPdf.Open(XrefFlavourTests.Build("stream"));
        var update = new IncrementalUpdate(document);
        update.Add(PdfDictionary.Of(
            ("Type", new PdfName("Sig")),
            ("ByteRange", PdfPlaceholder.ByteRange("ByteRange")),
            ("Contents", PdfPlaceholder.HexString("Contents", 8192))));
        using var output = new MemoryStream();

        var result = update.WriteTo(output);
        var bytes = output.ToArray();

        var contents = result.Placeholders["Contents"];
        contents.Length.ShouldBe(16386);
        bytes[(int)contents.Offset].ShouldBe((byte)'<');
        bytes[(int)contents.End - 1].ShouldBe((byte)'>');
        var byteRange = result.Placeholders["ByteRange"];
        Encoding.ASCII.GetString(bytes, (int)byteRange.Offset, (int)byteRange.Length).ShouldBe("[0 ********** ********** **********]");
    }

    [Fact]
    public void Patching_a_placeholder_in_place_leaves_a_readable_file()
    {
        var document = TestPdf.Open(XrefFlavourTests.Build("table"));
        var update = new IncrementalUpdate(document);
        var signature = update.Add(PdfDictionary.Of(("ByteRange", PdfPlaceholder.ByteRange("ByteRange"))));
        using var output = new MemoryStream();
        var span = update.WriteTo(output).Placeholders["ByteRange"];
        var bytes = output.ToArray();

        var patched = Encoding.ASCII.GetBytes($"[0 {10} {20} {30}]".PadRight((int)span.Length));
        patched.CopyTo(bytes, span.Offset);

        TestPdf.Open(bytes).GetObject(signature.Id).ShouldBeOfType<PdfDictionary>()["ByteRange"]
            .ShouldBe(PdfArray.OfIntegers(0, 10, 20, 30));
    }

    [Fact]
    public void Objects_reserved_but_never_set_are_refused()
    {
        var update = new IncrementalUpdate(TestPdf.Open(XrefFlavourTests.Build("table")));
        update.Reserve();

        Should.Throw<InvalidOperationException>(() => update.WriteTo(new MemoryStream()));
    }

    [Fact]
    public void Encrypted_documents_are_not_updated()
    {
        var encrypted = TestPdfBuilder.MinimalDocument().BuildWithTable("/Encrypt << /Filter /Standard >> ");

        Should.Throw<PdfUnsupportedFeatureException>(() => new IncrementalUpdate(TestPdf.Open(encrypted)));
    }

    [Theory]
    [MemberData(nameof(XrefFlavourTests.Flavours), MemberType = typeof(XrefFlavourTests))]
    public void Qpdf_finds_no_errors_in_an_updated_generated_file(string flavour)
    {
        var (output, _, _) = AppendRevision(XrefFlavourTests.Build(flavour));

        var check = Qpdf.Check(output);

        check.ExitCode.ShouldBe(0, check.Output);
    }

    [Fact]
    public void A_replaced_stream_copies_its_data_from_the_original_file()
    {
        var document = TestPdf.Open(XrefFlavourTests.Build("table"));
        var content = (PdfStream)document.GetObject(new ObjectId(4, 0));
        var update = new IncrementalUpdate(document);
        update.Replace(4, content with { Dictionary = content.Dictionary.With("Marked", PdfBoolean.True) });
        using var output = new MemoryStream();
        update.WriteTo(output);

        var reopened = TestPdf.Open(output.ToArray());
        var replaced = (PdfStream)reopened.GetObject(new ObjectId(4, 0));

        replaced.Dictionary["Marked"].ShouldBe(PdfBoolean.True);
        TestPdf.Text(reopened.DecodeStream(replaced)).ShouldBe("BT /F1 12 Tf (Xin chao) Tj ET");
    }
}
