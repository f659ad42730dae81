using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DocService.Signing.Cms;
using DocService.Signing.Keys;
using DocService.Signing.Tests.Support;

namespace DocService.Signing.Tests.Keys;

public sealed class Pkcs12SignerTests
{
    [Theory]
    [InlineData("official-rsa2048", SignatureAlgorithm.RsaPkcs1)]
    [InlineData("official-rsa3072", SignatureAlgorithm.RsaPss)]
    [InlineData("official-ecdsa-p256", SignatureAlgorithm.Ecdsa)]
    public async Task Fifty_concurrent_signatures_from_one_signer_all_verify(string key, SignatureAlgorithm algorithm)
    {
        using var signer = new Pkcs12Signer(DevPki.Pkcs12(key), DevPki.Password, algorithm);
        var digests = Enumerable.Range(0, 50).Select(i => SHA256.HashData(BitConverter.GetBytes(i))).ToArray();
        using var start = new ManualResetEventSlim();

        var tasks = digests.Select(d => Task.Run(async () =>
        {
            start.Wait();
            return await signer.SignAsync(d, DigestAlgorithm.Sha256, CancellationToken.None);
        })).ToArray();
        start.Set();
        var values = await Task.WhenAll(tasks);

        using var certificate = DevPki.Certificate(key);
        for (var i = 0; i < digests.Length; i++)
        {
            Verify(certificate, algorithm, digests[i], values[i]).ShouldBeTrue($"signature {i}");
        }
    }

    [Fact]
    public async Task Fifty_concurrent_cms_signatures_from_one_signer_all_assemble()
    {
        // Assemble verifies each value, so a value corrupted by a race would throw here.
        var signer = DevPki.Signer("official-rsa2048");
        var builder = new CmsSignatureBuilder();

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            builder.SignAsync(SHA256.HashData(BitConverter.GetBytes(i)), signer, ct: TestContext.Current.CancellationToken))));

        results.ShouldAllBe(cms => cms.Length > 1000);
    }

    [Fact]
    public void The_chain_holds_the_issuing_ca_and_not_the_root()
    {
        var signer = DevPki.Signer("official-rsa2048");

        signer.Chain.Count.ShouldBe(1);
        signer.Chain[0].Subject.ShouldContain("Issuing CA");
        signer.Certificate.Issuer.ShouldBe(signer.Chain[0].Subject);
    }

    [Fact]
    public void The_certificate_it_exposes_carries_no_private_key()
    {
        var signer = DevPki.Signer("official-ecdsa-p256");

        signer.Certificate.HasPrivateKey.ShouldBeFalse();
        signer.Chain.ShouldAllBe(c => !c.HasPrivateKey);
        signer.ToString().ShouldContain("Lê Hoàng Cường");
    }

    [Theory]
    [InlineData("official-rsa2048", SignatureAlgorithm.RsaPkcs1)]
    [InlineData("official-ecdsa-p256", SignatureAlgorithm.Ecdsa)]
    public void The_signature_algorithm_follows_the_key_type(string key, SignatureAlgorithm expected)
    {
        DevPki.Signer(key).SignatureAlgorithm.ShouldBe(expected);
    }

    [Fact]
    public void An_algorithm_that_does_not_fit_the_key_is_refused()
    {
        Should.Throw<ArgumentException>(() => new Pkcs12Signer(DevPki.Pkcs12("official-ecdsa-p256"), DevPki.Password, SignatureAlgorithm.RsaPss));
    }

    [Fact]
    public void A_wrong_password_is_refused_with_a_load_error_that_does_not_repeat_it()
    {
        var error = Should.Throw<Pkcs12LoadException>(() => new Pkcs12Signer(DevPki.Pkcs12("official-rsa2048"), "not-the-password"));

        error.Message.ShouldNotContain("not-the-password");
    }

    [Fact]
    public async Task A_digest_of_the_wrong_length_is_refused()
    {
        await Should.ThrowAsync<ArgumentException>(async () =>
            await DevPki.Signer("official-rsa2048").SignAsync(new byte[20], DigestAlgorithm.Sha256, CancellationToken.None));
    }

    [Fact]
    public async Task Signing_after_dispose_is_refused()
    {
        var signer = new Pkcs12Signer(DevPki.Pkcs12("official-rsa2048"), DevPki.Password);
        signer.Dispose();

        await Should.ThrowAsync<ObjectDisposedException>(async () =>
            await signer.SignAsync(new byte[32], DigestAlgorithm.Sha256, CancellationToken.None));
    }

    static bool Verify(X509Certificate2 certificate, SignatureAlgorithm algorithm, byte[] digest, byte[] value)
    {
        if (algorithm == SignatureAlgorithm.Ecdsa)
        {
            using var ecdsa = certificate.GetECDsaPublicKey()!;
            return ecdsa.VerifyHash(digest, value, DSASignatureFormat.Rfc3279DerSequence);
        }
        using var rsa = certificate.GetRSAPublicKey()!;
        var padding = algorithm == SignatureAlgorithm.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        return rsa.VerifyHash(digest, value, HashAlgorithmName.SHA256, padding);
    }
}
