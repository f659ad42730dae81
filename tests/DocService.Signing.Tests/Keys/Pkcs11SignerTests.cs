using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DocService.Signing.Cms;
using DocService.Signing.Keys;
using DocService.Signing.Pades;
using DocService.Signing.Tests.Support;

namespace DocService.Signing.Tests.Keys;

/// <summary>Keys that never leave a PKCS#11 token (SoftHSM2 here): every value is checked with .NET and the certificate's public key.</summary>
[Trait("Category", "Pkcs11")]
public sealed class Pkcs11SignerTests : IDisposable
{
    readonly string _files = Directory.CreateTempSubdirectory("docservice-pkcs11-").FullName;
    CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_files, recursive: true);

    [Theory]
    [InlineData("official-rsa3072", SignatureAlgorithm.RsaPkcs1, DigestAlgorithm.Sha256)]
    [InlineData("official-rsa3072", SignatureAlgorithm.RsaPkcs1, DigestAlgorithm.Sha512)]
    [InlineData("official-rsa3072", SignatureAlgorithm.RsaPss, DigestAlgorithm.Sha256)]
    [InlineData("official-rsa3072", SignatureAlgorithm.RsaPss, DigestAlgorithm.Sha384)]
    [InlineData("official-ecdsa-p256", SignatureAlgorithm.Ecdsa, DigestAlgorithm.Sha256)]
    [InlineData("organisation", SignatureAlgorithm.RsaPkcs1, DigestAlgorithm.Sha256)]
    public async Task The_token_signs_a_digest_that_the_certificate_verifies(string key, SignatureAlgorithm algorithm, DigestAlgorithm digestAlgorithm)
    {
        using var signer = new Pkcs11Signer(SoftHsm.Options(key, algorithm));
        var digest = digestAlgorithm.Hash("Quyết định số 15/QĐ-UBND"u8);

        var value = await signer.SignAsync(digest, digestAlgorithm, Ct);

        signer.SignatureAlgorithm.ShouldBe(algorithm);
        signer.Certificate.RawData.ShouldBe(DevPki.Certificate(key).RawData);
        Verify(signer.Certificate, algorithm, digestAlgorithm, digest, value).ShouldBeTrue();
    }

    [Fact]
    public async Task An_ecdsa_value_comes_back_as_the_der_sequence_cms_carries()
    {
        using var signer = new Pkcs11Signer(SoftHsm.Options("official-ecdsa-p256"));
        var digest = SHA256.HashData("x"u8);

        var value = await signer.SignAsync(digest, DigestAlgorithm.Sha256, Ct);

        value[0].ShouldBe((byte)0x30);
        using var ecdsa = signer.Certificate.GetECDsaPublicKey()!;
        ecdsa.VerifyHash(digest, value, DSASignatureFormat.Rfc3279DerSequence).ShouldBeTrue();
    }

    [Fact]
    public async Task Sixty_concurrent_signatures_share_a_pool_of_two_sessions_and_all_verify()
    {
        using var signer = new Pkcs11Signer(SoftHsm.Options("official-rsa3072", maxSessions: 2));
        var builder = new CmsSignatureBuilder();

        // Assemble verifies each value with the public key: a value mixed up between sessions would throw.
        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Task.Run(() =>
            builder.SignAsync(SHA256.HashData(BitConverter.GetBytes(i)), signer, ct: Ct), Ct)));

        results.ShouldAllBe(cms => cms.Length > 1000);
    }

    [Fact]
    public async Task Two_signers_on_one_module_outlive_each_other()
    {
        var first = new Pkcs11Signer(SoftHsm.Options("organisation"));
        using var second = new Pkcs11Signer(SoftHsm.Options("official-ecdsa-p256"));
        first.Dispose();

        var digest = SHA256.HashData("still here"u8);
        Verify(second.Certificate, SignatureAlgorithm.Ecdsa, DigestAlgorithm.Sha256, digest, await second.SignAsync(digest, DigestAlgorithm.Sha256, Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_pdf_signed_with_the_token_key_is_valid_in_pdfsig()
    {
        using var signer = new Pkcs11Signer(SoftHsm.Options("official-rsa3072"));
        var output = Path.Combine(_files, "signed.pdf");

        await using (var input = new MemoryStream(TestPdfs.Simple()))
        await using (var file = new FileStream(output, FileMode.Create, FileAccess.ReadWrite))
            await new PadesSigner(new CmsSignatureBuilder()).SignAsync(input, file, signer, new PadesSignatureOptions { FieldName = "Token" }, Ct);

        (await Pdfsig.SignatureVerdictsAsync(output)).ShouldBe(["Signature is Valid."]);
    }

    [Fact]
    public void A_wrong_pin_is_refused_without_repeating_it()
    {
        var options = SoftHsm.Options("organisation") with { Pin = "99999" }; // outside the lambda: skips when SoftHSM2 is absent

        var error = Should.Throw<Pkcs11KeyException>(() => new Pkcs11Signer(options));

        error.Message.ShouldContain("PIN");
        error.Message.ShouldNotContain("99999");
    }

    [Fact]
    public void A_missing_key_and_a_missing_token_are_named()
    {
        var missingKey = SoftHsm.Options("no-such-key"); // outside the lambdas: skips when SoftHSM2 is absent
        var missingToken = SoftHsm.Options("organisation") with { TokenLabel = "absent" };

        Should.Throw<Pkcs11KeyException>(() => new Pkcs11Signer(missingKey)).Message.ShouldContain("no-such-key");
        Should.Throw<Pkcs11KeyException>(() => new Pkcs11Signer(missingToken)).Message.ShouldContain("absent");
    }

    [Fact]
    public void The_digest_info_is_the_rfc_8017_prefix_and_the_digest()
    {
        var digest = new byte[32];

        Convert.ToHexString(Pkcs11Signer.DigestInfo(digest, DigestAlgorithm.Sha256))
            .ShouldBe("3031300D060960864801650304020105000420" + new string('0', 64));
    }

    static bool Verify(X509Certificate2 certificate, SignatureAlgorithm algorithm, DigestAlgorithm digestAlgorithm, byte[] digest, byte[] value)
    {
        if (algorithm == SignatureAlgorithm.Ecdsa)
        {
            using var ecdsa = certificate.GetECDsaPublicKey()!;
            return ecdsa.VerifyHash(digest, value, DSASignatureFormat.Rfc3279DerSequence);
        }
        using var rsa = certificate.GetRSAPublicKey()!;
        var padding = algorithm == SignatureAlgorithm.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        return rsa.VerifyHash(digest, value, digestAlgorithm.HashAlgorithmName(), padding);
    }
}
