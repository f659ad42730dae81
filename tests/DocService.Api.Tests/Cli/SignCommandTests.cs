using System.CommandLine;
using DocService.Api.Infrastructure.Images;
using DocService.Api.Tests.Infrastructure;
using DocService.Cli.Commands;
using DocService.Pdf.Document;
using DocService.Signing.Pades;
using DocService.Signing.Tests.Support;

namespace DocService.Api.Tests.Cli;

public sealed class SignCommandTests : IDisposable
{
    readonly string _files = Directory.CreateTempSubdirectory("docservice-cli-sign-").FullName;

    public void Dispose() => Directory.Delete(_files, recursive: true);

    static Task<int> RunAsync(params string[] args) =>
        DocService.Cli.CliErrors.InvokeAsync(new RootCommand { SignCommand.Create() }.Parse(args), new InvocationConfiguration(), TestContext.Current.CancellationToken);

    string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_files, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task Signs_a_visible_certified_signature_that_pdfsig_accepts()
    {
        var input = Write("in.pdf", SamplePdfs.WithText("CLI"));
        var output = Path.Combine(_files, "out.pdf");
        var image = Write("signature.png", DevImages.Signature());

        var exitCode = await RunAsync("sign", input, output, "--p12", Path.Combine(DevPki.Directory, "official-rsa2048.p12"), "--password", DevPki.Password,
            "--certify", "2", "--field", "Leader", "--page", "1", "--rect", "350,100,180,60", "--image", image, "--reason", "Phê duyệt", "--location", "Nghệ An");

        exitCode.ShouldBe(0);
        (await Pdfsig.SignatureVerdictsAsync(output)).ShouldBe(["Signature is Valid."]);
        var document = PdfDocument.Open(File.OpenRead(output));
        SigningPermissions.CertificationPermission(document).ShouldBe(DocMdpPermission.FormFillingAndSigning);
        document.Fields.Single(f => f.FullName == "Leader").Widgets.Single().Rect!.Value.Width.ShouldBe(180);
    }

    [Fact]
    public async Task A_locked_document_is_refused_and_no_output_is_left()
    {
        var input = Path.Combine(_files, "certified.pdf");
        await RunAsync("sign", Write("in.pdf", SamplePdfs.WithText("x")), input, "--p12", Path.Combine(DevPki.Directory, "official-rsa2048.p12"),
            "--password", DevPki.Password, "--certify", "1");
        var output = Path.Combine(_files, "second.pdf");

        var exitCode = await RunAsync("sign", input, output, "--p12", Path.Combine(DevPki.Directory, "organisation.p12"), "--password", DevPki.Password, "--field", "Other");

        exitCode.ShouldBe(2);
        File.Exists(output).ShouldBeFalse();
        File.Exists(output + ".partial").ShouldBeFalse();
    }

    [Theory]
    [InlineData("2")]
    [InlineData("3")]
    public async Task A_document_certified_with_p2_or_p3_takes_a_second_signature_in_a_new_field(string permission)
    {
        var certified = Path.Combine(_files, "certified.pdf");
        await RunAsync("sign", Write("in.pdf", SamplePdfs.WithText("x")), certified, "--p12", Path.Combine(DevPki.Directory, "official-rsa2048.p12"),
            "--password", DevPki.Password, "--certify", permission, "--field", "Leader");
        var output = Path.Combine(_files, "second.pdf");

        var exitCode = await RunAsync("sign", certified, output, "--p12", Path.Combine(DevPki.Directory, "organisation.p12"), "--password", DevPki.Password, "--field", "Seal");

        exitCode.ShouldBe(0);
        (await Pdfsig.SignatureVerdictsAsync(output)).ShouldBe(["Signature is Valid.", "Signature is Valid."]);
        using var stream = File.OpenRead(output);
        var report = await new DocService.Signing.Validation.PdfSignatureValidator(new() { TrustAnchors = [DevPki.Certificate("root")] })
            .ValidateAsync(stream, TestContext.Current.CancellationToken);
        var certification = report.Signatures.Single(s => s.FieldName == "Leader");
        certification.Certification.ShouldBeTrue();
        certification.Modifications.Permitted.ShouldBeTrue();
        report.Signatures.ShouldAllBe(s => s.Integrity.Valid);
    }
}
