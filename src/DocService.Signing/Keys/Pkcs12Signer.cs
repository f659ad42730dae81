using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DocService.Signing.Keys;

/// <summary>
/// A key held by the service in a PKCS#12 file. The file is opened once; the private key stays in
/// this object (it is never logged, and <see cref="Certificate"/> carries no key).
/// </summary>
/// <remarks>
/// Concurrent <see cref="SignAsync"/> calls are safe without a lock: .NET's RSA and ECDsa over
/// OpenSSL (and CNG) keep no per-operation state on the key object — each SignHash gets its own
/// native context — so one loaded key serves every core.
/// </remarks>
public sealed class Pkcs12Signer : ISigner, IDisposable
{
    readonly RSA? _rsa;
    readonly ECDsa? _ecdsa;
    volatile bool _disposed;

    /// <param name="pkcs12">The PKCS#12 (PFX) bytes.</param>
    /// <param name="password">The PKCS#12 password.</param>
    /// <param name="signatureAlgorithm">
    /// RSA keys may choose <see cref="SignatureAlgorithm.RsaPss"/>; when null, PKCS#1 v1.5 for RSA and
    /// ECDSA for EC keys.
    /// </param>
    /// <exception cref="Pkcs12LoadException">Wrong password, damaged file, or not exactly one end-entity private key.</exception>
    public Pkcs12Signer(ReadOnlySpan<byte> pkcs12, ReadOnlySpan<char> password, SignatureAlgorithm? signatureAlgorithm = null)
    {
        X509Certificate2Collection entries;
        try
        {
            entries = X509CertificateLoader.LoadPkcs12Collection(
                pkcs12, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new Pkcs12LoadException("The PKCS#12 could not be opened: wrong password or damaged file.", e);
        }

        try
        {
            var keyEntry = PickSigningEntry(entries);

            SignatureAlgorithm = signatureAlgorithm ?? SignatureAlgorithmExtensions.DefaultFor(keyEntry);
            SignatureAlgorithm.EnsureMatchesKeyOf(keyEntry);
            if (SignatureAlgorithm.IsRsa())
            {
                _rsa = keyEntry.GetRSAPrivateKey();
            }
            else
            {
                _ecdsa = keyEntry.GetECDsaPrivateKey();
            }
            if (_rsa is null && _ecdsa is null)
            {
                throw new Pkcs12LoadException($"The private key of {keyEntry.Subject} cannot be used for signing.");
            }

            // Copies without the key: whoever reads Certificate cannot reach the private key.
            Certificate = X509CertificateLoader.LoadCertificate(keyEntry.RawDataMemory.Span);
            Chain = BuildChain(keyEntry, entries.Where(c => c != keyEntry).ToList());
        }
        catch
        {
            _rsa?.Dispose();
            _ecdsa?.Dispose();
            throw;
        }
        finally
        {
            foreach (var entry in entries)
            {
                entry.Dispose();
            }
        }
    }

    /// <inheritdoc cref="Pkcs12Signer(ReadOnlySpan{byte}, ReadOnlySpan{char}, SignatureAlgorithm?)"/>
    public static Pkcs12Signer Open(string path, ReadOnlySpan<char> password, SignatureAlgorithm? signatureAlgorithm = null) =>
        new(File.ReadAllBytes(path), password, signatureAlgorithm);

    /// <summary>Opens a key store decrypted by <see cref="KeyProtector.UnprotectPkcs12"/>.</summary>
    public static Pkcs12Signer Open(Pkcs12Material material, SignatureAlgorithm? signatureAlgorithm = null)
    {
        ArgumentNullException.ThrowIfNull(material);
        return new(material.Pkcs12, material.Password, signatureAlgorithm);
    }

    public X509Certificate2 Certificate { get; }

    public IReadOnlyList<X509Certificate2> Chain { get; }

    public SignatureAlgorithm SignatureAlgorithm { get; }

    public ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> digest, DigestAlgorithm algorithm, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
        algorithm.EnsureDigestLength(digest.Length, nameof(digest));

        var value = SignatureAlgorithm switch
        {
            SignatureAlgorithm.RsaPkcs1 => _rsa!.SignHash(digest.Span, algorithm.HashAlgorithmName(), RSASignaturePadding.Pkcs1),
            SignatureAlgorithm.RsaPss => _rsa!.SignHash(digest.Span, algorithm.HashAlgorithmName(), RSASignaturePadding.Pss),
            _ => _ecdsa!.SignHash(digest.Span, DSASignatureFormat.Rfc3279DerSequence),
        };
        return ValueTask.FromResult(value);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _rsa?.Dispose();
        _ecdsa?.Dispose();
        Certificate.Dispose();
        foreach (var certificate in Chain)
        {
            certificate.Dispose();
        }
    }

    public override string ToString() => $"{nameof(Pkcs12Signer)}({Certificate.Subject}, {SignatureAlgorithm})";

    // Some exporters (our own dev-pki among them, see certs-dev) put the issuing CA's key in the
    // file too. The signing key is then the one whose certificate is not a CA; that CA key is never
    // taken out of the collection and goes away with it.
    static X509Certificate2 PickSigningEntry(X509Certificate2Collection entries)
    {
        var withKey = entries.Where(c => c.HasPrivateKey).ToList();
        if (withKey.Count > 1)
        {
            withKey = withKey.Where(c => !IsCertificateAuthority(c)).ToList();
        }
        return withKey.Count == 1
            ? withKey[0]
            : throw new Pkcs12LoadException(
                $"The PKCS#12 holds {withKey.Count} end-entity private keys; a signing key store holds exactly one.");
    }

    static bool IsCertificateAuthority(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority);

    // Walks issuer names upwards through the other certificates in the file. The self-signed root
    // stops the walk and is left out: a verifier must bring its own trust anchor.
    static X509Certificate2[] BuildChain(X509Certificate2 leaf, List<X509Certificate2> others)
    {
        var chain = new List<X509Certificate2>();
        var current = leaf;
        while (true)
        {
            var issuer = others.FirstOrDefault(c =>
                c.SubjectName.RawData.AsSpan().SequenceEqual(current.IssuerName.RawData)
                && !chain.Contains(c));
            if (issuer is null || IsSelfSigned(issuer))
            {
                break;
            }
            chain.Add(issuer);
            current = issuer;
        }
        return chain.Select(c => X509CertificateLoader.LoadCertificate(c.RawDataMemory.Span)).ToArray();
    }

    static bool IsSelfSigned(X509Certificate2 certificate) =>
        certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);
}
