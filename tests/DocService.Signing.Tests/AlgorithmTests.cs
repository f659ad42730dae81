using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;

namespace DocService.Signing.Tests;

public sealed class AlgorithmTests
{
    [Theory]
    [InlineData(DigestAlgorithm.Sha256, "2.16.840.1.101.3.4.2.1", "SHA256", 32)]
    [InlineData(DigestAlgorithm.Sha384, "2.16.840.1.101.3.4.2.2", "SHA384", 48)]
    [InlineData(DigestAlgorithm.Sha512, "2.16.840.1.101.3.4.2.3", "SHA512", 64)]
    public void Each_digest_algorithm_knows_its_oid_dotnet_name_and_length(DigestAlgorithm digest, string oid, string name, int length)
    {
        digest.Oid().ShouldBe(oid);
        digest.HashAlgorithmName().ShouldBe(new HashAlgorithmName(name));
        digest.DigestLength().ShouldBe(length);
        digest.Hash("abc"u8).Length.ShouldBe(length);
        DigestAlgorithmExtensions.TryFromOid(oid, out var back).ShouldBeTrue();
        back.ShouldBe(digest);
    }

    [Theory]
    [InlineData(SignatureAlgorithm.RsaPkcs1, DigestAlgorithm.Sha256, "1.2.840.113549.1.1.11")]
    [InlineData(SignatureAlgorithm.RsaPkcs1, DigestAlgorithm.Sha384, "1.2.840.113549.1.1.12")]
    [InlineData(SignatureAlgorithm.RsaPkcs1, DigestAlgorithm.Sha512, "1.2.840.113549.1.1.13")]
    [InlineData(SignatureAlgorithm.RsaPss, DigestAlgorithm.Sha256, "1.2.840.113549.1.1.10")]
    [InlineData(SignatureAlgorithm.Ecdsa, DigestAlgorithm.Sha256, "1.2.840.10045.4.3.2")]
    [InlineData(SignatureAlgorithm.Ecdsa, DigestAlgorithm.Sha384, "1.2.840.10045.4.3.3")]
    [InlineData(SignatureAlgorithm.Ecdsa, DigestAlgorithm.Sha512, "1.2.840.10045.4.3.4")]
    public void Each_signature_algorithm_names_the_cms_identifier_for_its_digest(SignatureAlgorithm algorithm, DigestAlgorithm digest, string oid)
    {
        algorithm.Oid(digest).ShouldBe(oid);
    }

    [Theory]
    [InlineData(DigestAlgorithm.Sha256)]
    [InlineData(DigestAlgorithm.Sha384)]
    [InlineData(DigestAlgorithm.Sha512)]
    public void Pss_parameters_use_the_same_hash_for_mgf1_and_a_salt_as_long_as_the_hash(DigestAlgorithm digest)
    {
        var identifier = AlgorithmIdentifier.GetInstance(SignatureAlgorithm.RsaPss.EncodedAlgorithmIdentifier(digest));
        var parameters = RsassaPssParameters.GetInstance(identifier.Parameters);

        parameters.HashAlgorithm.Algorithm.Id.ShouldBe(digest.Oid());
        parameters.MaskGenAlgorithm.Algorithm.ShouldBe(PkcsObjectIdentifiers.IdMgf1);
        AlgorithmIdentifier.GetInstance(parameters.MaskGenAlgorithm.Parameters).Algorithm.Id.ShouldBe(digest.Oid());
        parameters.SaltLength.IntValueExact.ShouldBe(digest.DigestLength());
        parameters.TrailerField.IntValueExact.ShouldBe(1);
    }

    [Fact]
    public void Rsa_pkcs1_identifiers_carry_null_parameters_and_ecdsa_identifiers_none()
    {
        AlgorithmIdentifier.GetInstance(SignatureAlgorithm.RsaPkcs1.EncodedAlgorithmIdentifier(DigestAlgorithm.Sha256))
            .Parameters.ShouldBe(DerNull.Instance);
        AlgorithmIdentifier.GetInstance(SignatureAlgorithm.Ecdsa.EncodedAlgorithmIdentifier(DigestAlgorithm.Sha256))
            .Parameters.ShouldBeNull();
    }
}
