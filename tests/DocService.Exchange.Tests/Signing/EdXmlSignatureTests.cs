using System.Security.Cryptography.X509Certificates;
using System.Text;
using DocService.Exchange.Model;
using DocService.Exchange.Reading;
using DocService.Exchange.Signing;
using DocService.Exchange.Tests.Support;

namespace DocService.Exchange.Tests.Signing;

public sealed class EdXmlSignatureTests
{
    static readonly X509Certificate2 Organisation = X509CertificateLoader.LoadPkcs12FromFile(
        Path.Combine(RepositoryRoot(), "certs-dev", "organisation.p12"), "dev-password", X509KeyStorageFlags.EphemeralKeySet);

    static byte[] Signed(EdXmlMessage message)
    {
        using var output = new MemoryStream();
        EdXmlSignature.Sign(new MemoryStream(TestPackages.Bytes(message)), output, Organisation);
        return output.ToArray();
    }

    static EdXmlSignatureResult Verify(byte[] bytes) => EdXmlSignature.Verify(new MemoryStream(bytes));

    [Fact]
    public async Task A_signed_package_verifies_and_still_reads()
    {
        var package = TestPackages.Package(BusinessDocType.New);
        var signed = Signed(package);

        var result = Verify(signed);

        result.Status.ShouldBe(EdXmlSignatureStatus.Valid);
        result.Signer!.Thumbprint.ShouldBe(Organisation.Thumbprint);
        var text = Encoding.UTF8.GetString(signed);
        text.ShouldContain("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        text.ShouldContain("http://www.w3.org/2001/10/xml-exc-c14n#");
        using var read = EdXmlReader.Read(new MemoryStream(signed));
        await read.ShouldEqualPackage(package);
    }

    [Fact]
    public void A_signed_status_package_verifies()
    {
        var status = TestPackages.Status(StatusCode.Accepted, TestPackages.G22, TestPackages.Package(BusinessDocType.New));

        Verify(Signed(status)).Status.ShouldBe(EdXmlSignatureStatus.Valid);
    }

    [Fact]
    public void A_package_changed_after_signing_is_invalid()
    {
        var text = Encoding.UTF8.GetString(Signed(TestPackages.Package(BusinessDocType.New)));
        var tampered = text.Replace("Về việc ban hành quy chế", "Về việc bãi bỏ quy chế");
        tampered.ShouldNotBe(text);

        var result = Verify(Encoding.UTF8.GetBytes(tampered));

        result.Status.ShouldBe(EdXmlSignatureStatus.Invalid);
    }

    [Fact]
    public void An_attachment_changed_after_signing_is_invalid()
    {
        var text = Encoding.UTF8.GetString(Signed(TestPackages.Package(BusinessDocType.New)));
        var at = text.IndexOf("ContentTransferEncoded", StringComparison.Ordinal) + 200;
        var tampered = text[..at] + (text[at] == 'A' ? 'B' : 'A') + text[(at + 1)..];

        Verify(Encoding.UTF8.GetBytes(tampered)).Status.ShouldBe(EdXmlSignatureStatus.Invalid);
    }

    [Fact]
    public void An_unsigned_package_is_missing_a_signature_and_nothing_throws()
    {
        Verify(TestPackages.Bytes(TestPackages.Package(BusinessDocType.Revoke))).Status.ShouldBe(EdXmlSignatureStatus.Missing);
    }

    [Fact]
    public void The_copied_signature_of_the_real_samples_is_a_placeholder()
    {
        using var input = EdXmlSamples.Open("edoc_new.edxml");

        EdXmlSignature.Verify(input).Status.ShouldBe(EdXmlSignatureStatus.Placeholder);
    }

    [Fact]
    public void An_xmldsig_signature_with_a_truncated_certificate_is_a_placeholder()
    {
        var text = Encoding.UTF8.GetString(Signed(TestPackages.Package(BusinessDocType.Revoke)));
        var start = text.IndexOf("<X509Certificate>", StringComparison.Ordinal) + "<X509Certificate>".Length;
        var end = text.IndexOf("</X509Certificate>", StringComparison.Ordinal);
        var truncated = text[..start] + "MIIFqTCCBJG" + text[end..];

        Verify(Encoding.UTF8.GetBytes(truncated)).Status.ShouldBe(EdXmlSignatureStatus.Placeholder);
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DocService.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("DocService.sln not found.");
    }
}
