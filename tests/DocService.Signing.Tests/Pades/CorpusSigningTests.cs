using DocService.Pdf.Document;
using DocService.Signing.Pades;
using DocService.Signing.Tests.Support;

namespace DocService.Signing.Tests.Pades;

/// <summary>
/// Signing on top of files other tools made: what their locks forbid is refused, what they permit
/// produces a valid signature, and pdfsig's verdict on every earlier signature stays what it was.
/// </summary>
[Trait("Category", "Corpus")]
public sealed class CorpusSigningTests : IDisposable
{
    readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    static byte[] Read(string relative) => File.ReadAllBytes(Corpus.PathOf(relative));

    static string FirstEmptySignatureField(byte[] pdf) =>
        PdfDocument.Open(new MemoryStream(pdf)).Fields.First(f => f.IsSignature && !f.IsSigned).FullName;

    [Theory]
    [InlineData("esig-dss/AD-RB.pdf")]
    [InlineData("esig-dss/dss-2554/certified-no-change-permitted.pdf")]
    public async Task Locked_documents_are_refused(string file)
    {
        var error = await Should.ThrowAsync<SignatureNotPermittedException>(SignedPdf.SignAsync(Read(file), SignedPdf.NewField("DocService")));

        error.Code.ShouldBe("signature.document_locked");
    }

    [Fact]
    public async Task Encrypted_document_is_refused_with_a_clear_code()
    {
        var error = await Should.ThrowAsync<SignatureNotPermittedException>(SignedPdf.SignAsync(Read("esig-dss/encrypted.pdf"), SignedPdf.NewField("DocService")));

        error.Code.ShouldBe("signature.document_encrypted");
    }

    [Theory]
    [InlineData("esig-dss/dss-2554/certified-changes-permitted.pdf")]
    [InlineData("esig-dss/dss-1188/Test.pdf")]
    [InlineData("esig-dss/dss-2554/fieldmdp-exclude.pdf")]
    public async Task Permitted_empty_fields_are_signed_and_earlier_verdicts_stay(string file)
    {
        var input = Read(file);
        var before = await Pdfsig.SignatureVerdictsAsync(_files.Write("before.pdf", input));

        var signed = await SignedPdf.SignAsync(input, new PadesSignatureOptions { FieldName = FirstEmptySignatureField(input) });

        signed.AsSpan(0, input.Length).SequenceEqual(input).ShouldBeTrue();
        var after = await Pdfsig.SignatureVerdictsAsync(_files.Write("after.pdf", signed));
        after.ShouldBe([.. before, "Signature is Valid."]);
    }

    [Fact]
    public async Task Signing_fieldmdp_exclude_field_copies_its_lock_into_the_signature()
    {
        var input = Read("esig-dss/dss-2554/fieldmdp-exclude.pdf");
        var field = FirstEmptySignatureField(input);

        var signed = await SignedPdf.SignAsync(input, new PadesSignatureOptions { FieldName = field });

        var document = PdfDocument.Open(new MemoryStream(signed));
        var signature = (DocService.Pdf.Objects.PdfDictionary)document.Fields.Single(f => f.FullName == field).Value!;
        signature["Reference"]!.ToString().ShouldContain("/FieldMDP");
        signature["Reference"]!.ToString().ShouldContain("/Exclude");
    }

    [Theory]
    [InlineData("pyhanko/minimal-two-fields-signed-twice.pdf")]
    [InlineData("esig-dss/hello_signed_INCSAVE_signed.pdf")]
    [InlineData("node-signpdf/signed-twice.pdf")]
    [InlineData("esig-dss/PAdES-LT.pdf")]
    public async Task New_signature_on_a_signed_file_leaves_earlier_verdicts_unchanged(string file)
    {
        var input = Read(file);
        var before = await Pdfsig.SignatureVerdictsAsync(_files.Write("before.pdf", input));

        var signed = await SignedPdf.SignAsync(input, SignedPdf.NewField("DocService"));

        var after = await Pdfsig.SignatureVerdictsAsync(_files.Write("after.pdf", signed));
        after.ShouldBe([.. before, "Signature is Valid."]);
        before.ShouldNotBeEmpty();
    }
}
