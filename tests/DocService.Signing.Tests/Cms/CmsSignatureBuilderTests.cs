using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DocService.Signing.Cms;
using DocService.Signing.Tests.Support;
using Org.BouncyCastle.Asn1;

namespace DocService.Signing.Tests.Cms;

public sealed class CmsSignatureBuilderTests
{
    const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";
    const string ContentTypeOid = "1.2.840.113549.1.9.3";
    const string MessageDigestOid = "1.2.840.113549.1.9.4";
    const string SigningTimeOid = "1.2.840.113549.1.9.5";

    public static TheoryData<string, SignatureAlgorithm, DigestAlgorithm> Keys => new()
    {
        { "official-rsa2048", SignatureAlgorithm.RsaPkcs1, DigestAlgorithm.Sha256 },
        { "official-rsa2048", SignatureAlgorithm.RsaPkcs1, DigestAlgorithm.Sha384 },
        { "official-rsa2048", SignatureAlgorithm.RsaPkcs1, DigestAlgorithm.Sha512 },
        { "official-rsa3072", SignatureAlgorithm.RsaPss, DigestAlgorithm.Sha256 },
        { "official-rsa3072", SignatureAlgorithm.RsaPss, DigestAlgorithm.Sha512 },
        { "official-ecdsa-p256", SignatureAlgorithm.Ecdsa, DigestAlgorithm.Sha256 },
        { "official-ecdsa-p256", SignatureAlgorithm.Ecdsa, DigestAlgorithm.Sha384 },
    };

    readonly CmsSignatureBuilder _builder = new(new FixedTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 30, 15, 500, TimeSpan.FromHours(7))));

    [Theory, MemberData(nameof(Keys))]
    public async Task Openssl_verifies_the_detached_signature_over_the_content(string key, SignatureAlgorithm algorithm, DigestAlgorithm digest)
    {
        using var dir = new TempDirectory();
        var content = RandomNumberGenerator.GetBytes(10_000);
        var cms = await _builder.SignAsync(digest.Hash(content), DevPki.Signer(key, algorithm), digest, ct: TestContext.Current.CancellationToken);

        var result = await OpenSsl.CmsVerifyAsync(dir.Write("sig.der", cms), dir.Write("data.bin", content));

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Error.ShouldContain("Verification successful");
    }

    [Theory, MemberData(nameof(Keys))]
    public async Task Openssl_rejects_the_signature_when_one_byte_of_the_content_changes(string key, SignatureAlgorithm algorithm, DigestAlgorithm digest)
    {
        using var dir = new TempDirectory();
        var content = RandomNumberGenerator.GetBytes(10_000);
        var cms = await _builder.SignAsync(digest.Hash(content), DevPki.Signer(key, algorithm), digest, ct: TestContext.Current.CancellationToken);
        content[4_321] ^= 0x01;

        var result = await OpenSsl.CmsVerifyAsync(dir.Write("sig.der", cms), dir.Write("data.bin", content));

        result.ExitCode.ShouldNotBe(0, result.ToString());
        // The content check fails, not the certificate path: message-digest no longer matches.
        result.Error.ShouldContain("CMS_SignerInfo_verify_content");
    }

    [Theory, MemberData(nameof(Keys))]
    public async Task The_cms_is_canonical_der(string key, SignatureAlgorithm algorithm, DigestAlgorithm digest)
    {
        var cms = await _builder.SignAsync(digest.Hash("content"u8), DevPki.Signer(key, algorithm), digest, ct: TestContext.Current.CancellationToken);

        Asn1Object.FromByteArray(cms).GetEncoded(Asn1Encodable.Der).ShouldBe(cms);
    }

    [Fact]
    public async Task Openssl_shows_signing_certificate_v2_and_no_signing_time_when_it_is_disabled()
    {
        using var dir = new TempDirectory();
        var options = new CmsSignatureOptions { IncludeSigningTime = false };
        var cms = await _builder.SignAsync(SHA256.HashData("content"u8), DevPki.Signer("official-rsa2048"), options: options, ct: TestContext.Current.CancellationToken);

        var printed = await OpenSsl.CmsPrintAsync(dir.Write("sig.der", cms));

        printed.ExitCode.ShouldBe(0, printed.ToString());
        printed.Output.ShouldContain(SigningCertificateV2Oid);
        printed.Output.ShouldContain(ContentTypeOid);
        printed.Output.ShouldContain(MessageDigestOid);
        printed.Output.ShouldNotContain(SigningTimeOid);
    }

    [Fact]
    public async Task Openssl_shows_the_injected_signing_time_in_whole_utc_seconds_when_it_is_enabled()
    {
        using var dir = new TempDirectory();
        var cms = await _builder.SignAsync(SHA256.HashData("content"u8), DevPki.Signer("official-rsa2048"), ct: TestContext.Current.CancellationToken);

        var printed = await OpenSsl.CmsPrintAsync(dir.Write("sig.der", cms));

        printed.Output.ShouldContain(SigningTimeOid);
        printed.Output.ShouldContain("UTCTIME:Dec  1 01:30:15 2026 GMT");
    }

    [Fact]
    public void The_data_to_sign_is_the_der_set_of_signed_attributes_and_the_digest_to_sign_is_its_hash()
    {
        var prepared = Prepare("official-rsa2048", DigestAlgorithm.Sha384);

        prepared.DataToSign.Span[0].ShouldBe((byte)0x31);
        prepared.DigestToSign.ToArray().ShouldBe(SHA384.HashData(prepared.DataToSign.Span));
        Asn1Object.FromByteArray(prepared.DataToSign.ToArray()).GetEncoded(Asn1Encodable.Der).ShouldBe(prepared.DataToSign.ToArray());
    }

    [Fact]
    public void Preparing_again_with_the_same_inputs_gives_the_same_data_to_sign()
    {
        // A three-step session may keep only the inputs and prepare again when the value comes back.
        var first = Prepare("official-ecdsa-p256", DigestAlgorithm.Sha256);
        var second = Prepare("official-ecdsa-p256", DigestAlgorithm.Sha256);

        second.DataToSign.ToArray().ShouldBe(first.DataToSign.ToArray());
    }

    [Fact]
    public async Task Assemble_refuses_a_signature_value_made_by_another_key()
    {
        var prepared = Prepare("official-rsa2048", DigestAlgorithm.Sha256);
        var foreign = await DevPki.Signer("revoked").SignAsync(prepared.DigestToSign, DigestAlgorithm.Sha256, TestContext.Current.CancellationToken);

        Should.Throw<SignatureValueMismatchException>(() => _builder.Assemble(prepared, foreign))
            .SignerSubject.ShouldContain("Nguyễn Văn An");
    }

    [Fact]
    public void Assemble_refuses_an_ecdsa_value_made_by_another_key()
    {
        var prepared = Prepare("official-ecdsa-p256", DigestAlgorithm.Sha256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var foreign = other.SignHash(prepared.DigestToSign.Span, DSASignatureFormat.Rfc3279DerSequence);

        Should.Throw<SignatureValueMismatchException>(() => _builder.Assemble(prepared, foreign));
    }

    [Theory]
    [InlineData("official-rsa2048")]
    [InlineData("official-ecdsa-p256")]
    public async Task Assemble_refuses_a_signature_value_over_tampered_signed_attributes(string key)
    {
        var prepared = Prepare(key, DigestAlgorithm.Sha256);
        var tampered = prepared.DataToSign.ToArray();
        tampered[^1] ^= 0x01;
        var value = await DevPki.Signer(key).SignAsync(SHA256.HashData(tampered), DigestAlgorithm.Sha256, TestContext.Current.CancellationToken);

        Should.Throw<SignatureValueMismatchException>(() => _builder.Assemble(prepared, value));
    }

    [Fact]
    public async Task Assemble_accepts_the_value_the_signer_made_over_the_digest_to_sign()
    {
        using var dir = new TempDirectory();
        var content = RandomNumberGenerator.GetBytes(2_000);
        var signer = DevPki.Signer("official-rsa3072", SignatureAlgorithm.RsaPss);
        var prepared = _builder.Prepare(SHA256.HashData(content), signer.Certificate, signer.Chain, DigestAlgorithm.Sha256, SignatureAlgorithm.RsaPss);

        var value = await signer.SignAsync(prepared.DigestToSign, DigestAlgorithm.Sha256, TestContext.Current.CancellationToken);
        var cms = _builder.Assemble(prepared, value);

        (await OpenSsl.CmsVerifyAsync(dir.Write("sig.der", cms), dir.Write("data.bin", content))).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Assemble_accepts_an_ecdsa_value_in_the_raw_r_s_form_tokens_return()
    {
        using var dir = new TempDirectory();
        var content = RandomNumberGenerator.GetBytes(2_000);
        var prepared = Prepare("official-ecdsa-p256", DigestAlgorithm.Sha256, SHA256.HashData(content));
        using var pkcs12 = X509CertificateLoader.LoadPkcs12(
            DevPki.Pkcs12("official-ecdsa-p256"), DevPki.Password, X509KeyStorageFlags.EphemeralKeySet);
        using var key = pkcs12.GetECDsaPrivateKey()!;
        var raw = key.SignHash(prepared.DigestToSign.Span, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        var cms = _builder.Assemble(prepared, raw);

        (await OpenSsl.CmsVerifyAsync(dir.Write("sig.der", cms), dir.Write("data.bin", content))).ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Prepare_refuses_a_content_digest_of_the_wrong_length()
    {
        var signer = DevPki.Signer("official-rsa2048");

        Should.Throw<ArgumentException>(() => _builder.Prepare(
            SHA256.HashData("x"u8), signer.Certificate, signer.Chain, DigestAlgorithm.Sha512, SignatureAlgorithm.RsaPkcs1));
    }

    [Fact]
    public void Prepare_refuses_an_algorithm_that_does_not_fit_the_key()
    {
        var signer = DevPki.Signer("official-rsa2048");

        Should.Throw<ArgumentException>(() => _builder.Prepare(
            SHA256.HashData("x"u8), signer.Certificate, signer.Chain, DigestAlgorithm.Sha256, SignatureAlgorithm.Ecdsa));
    }

    [Fact]
    public void A_pkcs7_detached_preparation_names_its_sub_filter_and_keeps_signing_certificate_v2()
    {
        var pades = Prepare("official-rsa2048", DigestAlgorithm.Sha256);
        var pkcs7 = Prepare("official-rsa2048", DigestAlgorithm.Sha256, options: new CmsSignatureOptions { Pades = false });

        pades.SubFilter.ShouldBe("ETSI.CAdES.detached");
        pkcs7.SubFilter.ShouldBe("adbe.pkcs7.detached");
        pkcs7.DataToSign.ToArray().ShouldBe(pades.DataToSign.ToArray());
    }

    PreparedSignature Prepare(string key, DigestAlgorithm digest, byte[]? contentDigest = null, CmsSignatureOptions? options = null)
    {
        var signer = DevPki.Signer(key);
        return _builder.Prepare(
            contentDigest ?? digest.Hash("the content"u8), signer.Certificate, signer.Chain, digest, signer.SignatureAlgorithm, options);
    }
}
