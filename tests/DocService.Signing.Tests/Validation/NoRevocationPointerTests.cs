using System.Security.Cryptography;
using DocService.Signing.Pades;
using DocService.Signing.Tests.Pades;
using DocService.Signing.Tests.Support;
using DocService.Signing.Validation;
using static DocService.Signing.Tests.Validation.ValidationFixtures;

namespace DocService.Signing.Tests.Validation;

/// <summary>
/// A certificate that names no OCSP responder and no CRL distribution point: nothing can show it is not revoked,
/// so its signature is INDETERMINATE (TRY_LATER) with the reason given — unless its anchor is configured as not
/// needing revocation.
/// </summary>
public sealed class NoRevocationPointerTests : IDisposable
{
    readonly TestCa _ca = TestCa.Create("Closed PKI Root");

    public void Dispose() => _ca.Dispose();

    async Task<SignatureValidationReport> ValidateSignedAsync(ValidationOptions options)
    {
        using var signer = _ca.Issue("Nguyễn Không Trỏ");
        using var input = new MemoryStream(TestPdfs.Simple(), writable: false);
        using var output = new MemoryStream();
        await SignedPdf.Signer.SignAsync(input, output, signer,
            SignedPdf.NewField("Signature1") with { SigningTime = DateTimeOffset.UtcNow }, TestContext.Current.CancellationToken);
        return (await ValidateAsync(output.ToArray(), options)).Signatures.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Without_revocation_pointers_the_signature_is_indeterminate_and_says_why()
    {
        var signature = await ValidateSignedAsync(new ValidationOptions { TrustAnchors = [_ca.Certificate] });

        signature.Trust.Status.ShouldBe(TrustStatus.Trusted);
        signature.Revocation.Status.ShouldBe(RevocationStatus.Unavailable);
        signature.Revocation.Certificates[0].Problems.ShouldContain(p => p.Contains("names no OCSP responder and no CRL distribution point"));
        signature.Indication.ShouldBe(Indication.Indeterminate);
        signature.SubIndication.ShouldBe(SubIndication.TryLater);
    }

    [Fact]
    public async Task An_anchor_configured_as_not_needing_revocation_passes_and_says_so()
    {
        var signature = await ValidateSignedAsync(new ValidationOptions
        {
            TrustAnchors = [_ca.Certificate],
            Revocation = new RevocationPolicy { AnchorsWithoutRevocation = new HashSet<string> { _ca.Certificate.GetCertHashString(HashAlgorithmName.SHA256) } },
        });

        signature.Revocation.Status.ShouldBe(RevocationStatus.Good);
        signature.Revocation.Certificates[0].Problems.ShouldContain(p => p.Contains("configured as not needing revocation"));
        signature.Indication.ShouldBe(Indication.TotalPassed, signature.Message.En);
    }
}
