using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DocService.Cli.DevPki;

/// <summary>The key algorithms the development PKI issues; the RSA sizes match Vietnamese government USB tokens.</summary>
internal enum KeyType
{
    Rsa2048,
    Rsa3072,
    Rsa4096,
    EcdsaP256,
}

internal static class KeyTypeExtensions
{
    /// <summary>The name written to <c>index.json</c>, e.g. <c>RSA-3072</c>.</summary>
    public static string Label(this KeyType keyType) => keyType switch
    {
        KeyType.Rsa2048 => "RSA-2048",
        KeyType.Rsa3072 => "RSA-3072",
        KeyType.Rsa4096 => "RSA-4096",
        KeyType.EcdsaP256 => "ECDSA-P256",
        _ => throw new ArgumentOutOfRangeException(nameof(keyType), keyType, null),
    };

    public static AsymmetricAlgorithm CreateKey(this KeyType keyType) => keyType switch
    {
        KeyType.Rsa2048 => RSA.Create(2048),
        KeyType.Rsa3072 => RSA.Create(3072),
        KeyType.Rsa4096 => RSA.Create(4096),
        KeyType.EcdsaP256 => ECDsa.Create(ECCurve.NamedCurves.nistP256),
        _ => throw new ArgumentOutOfRangeException(nameof(keyType), keyType, null),
    };

    /// <summary>How <paramref name="key"/> signs what it issues: RSA with PKCS#1 v1.5, the padding every validator accepts.</summary>
    public static X509SignatureGenerator SignatureGenerator(this AsymmetricAlgorithm key) => key switch
    {
        RSA rsa => X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1),
        ECDsa ecdsa => X509SignatureGenerator.CreateForECDsa(ecdsa),
        _ => throw new ArgumentException($"Unsupported key {key.GetType().Name}", nameof(key)),
    };

    public static X509Certificate2 WithPrivateKey(this X509Certificate2 certificate, AsymmetricAlgorithm key) => key switch
    {
        RSA rsa => certificate.CopyWithPrivateKey(rsa),
        ECDsa ecdsa => certificate.CopyWithPrivateKey(ecdsa),
        _ => throw new ArgumentException($"Unsupported key {key.GetType().Name}", nameof(key)),
    };

    public static AsymmetricAlgorithm SigningKey(this X509Certificate2 certificate) =>
        (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey()
        ?? certificate.GetECDsaPrivateKey()
        ?? throw new ArgumentException($"{certificate.Subject} has no private key", nameof(certificate));
}
