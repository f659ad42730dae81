using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using DocService.Pdf;
using DocService.Signing.Validation;
using DocService.Signing.Validation.Cms;
using static DocService.Signing.Tests.Validation.ValidationFixtures;

namespace DocService.Signing.Tests.Validation;

/// <summary>Hostile and broken input ends in a report or a clear error, quickly and in bounded memory.</summary>
public sealed class HostileInputTests
{
    static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    static async Task<(DocumentValidationReport? Report, Exception? Error)> RunAsync(byte[] pdf)
    {
        var watch = Stopwatch.StartNew();
        var before = GC.GetTotalAllocatedBytes(precise: false);
        try
        {
            var task = Task.Run(() => ValidateAsync(pdf));
            (await Task.WhenAny(task, Task.Delay(Limit, TestContext.Current.CancellationToken))).ShouldBe(task, "validation did not finish in time");
            return (await task, null);
        }
        catch (PdfException e)
        {
            return (null, e);
        }
        finally
        {
            watch.Elapsed.ShouldBeLessThan(Limit);
            (GC.GetTotalAllocatedBytes(precise: false) - before).ShouldBeLessThan(1L << 30, "allocated more than 1 GiB");
        }
    }

    [Fact]
    public async Task Truncated_signed_files_give_a_report_or_a_PdfException()
    {
        var signed = await SignedAsync();
        foreach (var length in new[] { 10, signed.Length / 3, signed.Length / 2, signed.Length - 40, signed.Length - 1 })
        {
            var (report, error) = await RunAsync(signed[..length]);
            (report is not null || error is not null).ShouldBeTrue();
            if (report is not null)
                report.Indication.ShouldNotBe(Indication.TotalPassed);
        }
    }

    [Fact]
    public async Task ByteRange_pointing_outside_the_file_is_invalid_and_not_clamped()
    {
        var signed = await SignedAsync();
        var text = Encoding.Latin1.GetString(signed);
        var at = text.IndexOf("/ByteRange [", StringComparison.Ordinal) + "/ByteRange [".Length;
        var end = text.IndexOf(']', at);
        var numbers = text[at..end].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToArray();
        // Same number of digits, so nothing else moves; the second range now runs past the end.
        var forged = $"0 {numbers[1]} {numbers[2]} {new string('9', numbers[3].ToString().Length)}".PadRight(end - at);
        Encoding.Latin1.GetBytes(forged).CopyTo(signed, at);

        var (report, _) = await RunAsync(signed);

        var signature = report.ShouldNotBeNull().Signatures.ShouldHaveSingleItem();
        signature.Coverage.ByteRangeValid.ShouldBeFalse();
        signature.Integrity.DigestMatches.ShouldBeFalse();
        signature.Modifications.Attacks.ShouldContain(PdfAttack.UniversalSignatureForgery);
        signature.Indication.ShouldBe(Indication.TotalFailed);
    }

    [Fact]
    public async Task Garbage_CMS_in_the_Contents_is_reported_not_thrown()
    {
        var signed = await SignedAsync();
        var (start, end) = ContentsGap(signed);
        var garbage = Encoding.ASCII.GetBytes(new string('7', end - start - 2));
        garbage.CopyTo(signed, start + 1);

        var (report, _) = await RunAsync(signed);

        var signature = report.ShouldNotBeNull().Signatures.ShouldHaveSingleItem();
        signature.Integrity.Valid.ShouldBeFalse();
        signature.Integrity.Reasons.ShouldContain(r => r.Contains("CMS"));
        signature.Indication.ShouldBe(Indication.TotalFailed);
    }

    [Fact]
    public async Task A_Contents_that_is_not_hex_is_a_broken_signature_not_no_signature()
    {
        var signed = await SignedAsync();
        var (start, _) = ContentsGap(signed);
        signed[start + 3] = (byte)'z';

        var (report, error) = await RunAsync(signed);

        error.ShouldBeNull();
        var signature = report.ShouldNotBeNull().Signatures.ShouldHaveSingleItem();
        signature.FieldName.ShouldBe("Signature1");
        signature.Indication.ShouldNotBe(Indication.TotalPassed);
        report.Indication.ShouldNotBe(Indication.TotalPassed);
    }

    [Fact]
    public async Task Fields_that_share_one_signature_are_reported_one_by_one()
    {
        var signed = await SignedAsync();
        var document = DocService.Pdf.Document.PdfDocument.Open(new MemoryStream(signed));
        var field = document.Fields.Single(f => f.IsSigned);
        var value = (DocService.Pdf.Objects.PdfReference)field.Dictionary[DocService.Pdf.Objects.PdfName.V]!;
        var update = new DocService.Pdf.Writing.IncrementalUpdate(document);
        var copies = Enumerable.Range(1, 100).Select(i => (DocService.Pdf.Objects.PdfObject)update.Add(DocService.Pdf.Objects.PdfDictionary.Of(
            ("FT", new DocService.Pdf.Objects.PdfName("Sig")), ("T", DocService.Pdf.Objects.PdfString.FromText($"Copy{i}")), ("V", value)))).ToList();
        var form = (DocService.Pdf.Objects.PdfDictionary)document.Resolve(document.Catalog[DocService.Pdf.Objects.PdfName.AcroForm]);
        var fields = (DocService.Pdf.Objects.PdfArray)document.Resolve(form[DocService.Pdf.Objects.PdfName.Fields]);
        var moreFields = form.With(DocService.Pdf.Objects.PdfName.Fields, new DocService.Pdf.Objects.PdfArray(fields.Concat(copies)));
        if (document.Catalog[DocService.Pdf.Objects.PdfName.AcroForm] is DocService.Pdf.Objects.PdfReference formReference)
            update.Replace(formReference.Id.Number, moreFields);
        else
            update.Replace(((DocService.Pdf.Objects.PdfReference)document.Trailer[DocService.Pdf.Objects.PdfName.Root]!).Id.Number,
                document.Catalog.With(DocService.Pdf.Objects.PdfName.AcroForm, moreFields));
        var output = new MemoryStream();
        update.WriteTo(output);

        var (report, _) = await RunAsync(output.ToArray());

        report.ShouldNotBeNull().Signatures.Count.ShouldBe(101);
        report.Signatures.Select(s => s.FieldName).Distinct().Count().ShouldBe(101);
    }

    [Fact]
    public void Deeply_nested_ASN1_is_refused_before_a_recursive_parser_sees_it()
    {
        var depth = 100_000;
        var nested = new List<byte>();
        for (var i = 0; i < depth; i++)
            nested.AddRange([0x30, 0x80]); // indefinite-length SEQUENCEs
        for (var i = 0; i < depth; i++)
            nested.AddRange([0x00, 0x00]);

        var error = Should.Throw<CmsFormatException>(() => CmsSignedData.Parse(nested.ToArray()));
        error.Message.ShouldContain("nested");
    }

    [Fact]
    public async Task Deeply_nested_PDF_objects_end_in_a_clear_error_or_report()
    {
        var signed = await SignedAsync();
        var deep = "8000 0 obj\n" + string.Concat(Enumerable.Repeat("[", 100_000)) + string.Concat(Enumerable.Repeat("]", 100_000)) + "\nendobj\n";
        var tampered = PdfSignatureValidatorTests.AppendRevision(signed, deep);

        var (report, error) = await RunAsync(tampered);

        (report is not null || error is not null).ShouldBeTrue();
        report?.Indication.ShouldNotBe(Indication.TotalPassed);
    }

    [Fact]
    public async Task A_decompression_bomb_in_a_later_revision_does_not_exhaust_memory()
    {
        var signed = await SignedAsync();
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 2048; i++)
                zlib.Write(zeros); // 2 GiB of zeros
        }
        var bomb = compressed.ToArray();
        var header = Encoding.ASCII.GetBytes($"9000 0 obj\n<< /Length {bomb.Length} /Filter /FlateDecode >>\nstream\n");
        var footer = Encoding.ASCII.GetBytes("\nendstream\nendobj\n");
        // Reference it from the signature-less page content so that comparing revisions must look at it.
        var withBomb = PdfSignatureValidatorTests.AppendRevision(signed, "5 0 obj\n<< /Length 0 >>\nstream\n\nendstream\nendobj\n");
        var tampered = withBomb.Concat(header).Concat(bomb).Concat(footer).ToArray();

        var (report, error) = await RunAsync(tampered);

        (report is not null || error is not null).ShouldBeTrue();
    }

    [Fact]
    public async Task A_huge_Contents_string_is_bounded_by_the_parser_limits()
    {
        var signed = await SignedAsync();
        var huge = PdfSignatureValidatorTests.AppendRevision(signed,
            "9100 0 obj\n<< /Type /Sig /Contents <" + new string('A', 40 * 1024 * 1024) + "> >>\nendobj\n");

        var (report, error) = await RunAsync(huge);

        (report is not null || error is not null).ShouldBeTrue();
    }

    [Fact]
    public async Task Not_a_PDF_is_a_PdfSyntaxException()
    {
        var (report, error) = await RunAsync(Encoding.ASCII.GetBytes("this is not a pdf at all"));

        report.ShouldBeNull();
        error.ShouldBeOfType<PdfSyntaxException>();
    }
}
