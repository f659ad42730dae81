using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DocService.Api.Domain.Keys;
using DocService.Api.Infrastructure.Errors;
using DocService.Signing;
using DocService.Signing.Keys;

namespace DocService.Api.Infrastructure.Keys;

/// <summary>
/// The service's keys: PKCS#12 files are sealed with AES-256-GCM under <c>Keys:ProtectionKey</c>
/// before they reach the database, and opened into signers once per key (loading a PKCS#12 costs
/// far more than a signature). Key material never leaves this class except as an <see cref="ISigner"/>.
/// While the protection key is rotated, <c>Keys:PreviousProtectionKeys</c> (comma-separated) still open
/// what was sealed under them, until <see cref="ResealUnderCurrentKey"/> has sealed everything again.
/// </summary>
public sealed class KeyVault(IConfiguration configuration) : IDisposable
{
    readonly Lazy<KeyProtector> _protector = new(() => new KeyProtector(configuration[KeysOptions.ProtectionKeyName] is { Length: > 0 } key
        ? key
        : throw new InvalidOperationException("Keys:ProtectionKey is not configured: set a base64 32-byte key (from your secret store) to hold signing keys.")));
    readonly Lazy<IReadOnlyList<KeyProtector>> _previous = new(() =>
        (configuration[KeysOptions.PreviousProtectionKeysName] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(key => new KeyProtector(key)).ToList());
    readonly ConcurrentDictionary<Guid, Lazy<Pkcs12Signer>> _signers = new();
    readonly ConcurrentDictionary<string, Lazy<Pkcs11Signer>> _tokens = new();

    /// <summary>Checks the PKCS#12 opens with its password and holds a key, then seals it for its owner.</summary>
    public SigningKey Seal(byte[] pkcs12, string password, string organId, KeyOwnerKind ownerKind, string ownerId, string createdBy, DateTimeOffset at)
    {
        Pkcs12Signer signer;
        try
        {
            signer = new Pkcs12Signer(pkcs12, password);
        }
        catch (Exception e) when (e is Pkcs12LoadException or CryptographicException)
        {
            // The reason names neither the password nor the key.
            throw new ApiException(422, "key.invalid_pkcs12", "The file is not a PKCS#12 that opens with this password and holds a private key.");
        }

        using (signer)
        {
            var certificate = signer.Certificate;
            var id = Guid.CreateVersion7();
            return new SigningKey
            {
                Id = id,
                OrganId = organId,
                OwnerKind = ownerKind,
                OwnerId = ownerId,
                Subject = certificate.Subject,
                Issuer = certificate.Issuer,
                SerialNumber = certificate.SerialNumber,
                Thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256),
                KeyAlgorithm = KeyAlgorithmOf(certificate),
                NotBefore = certificate.NotBefore.ToUniversalTime(),
                NotAfter = certificate.NotAfter.ToUniversalTime(),
                SealedPkcs12 = _protector.Value.ProtectPkcs12(pkcs12, password, SigningKey.SealingOwnerFor(organId, ownerKind, ownerId)),
                CreatedBy = createdBy,
                CreatedAt = at,
            };
        }
    }

    /// <summary>Seals a shared secret (a webhook's) to its owner, as the keys are sealed.</summary>
    public byte[] SealSecret(string secret, string ownerId) => _protector.Value.Protect(System.Text.Encoding.UTF8.GetBytes(secret), ownerId);

    public byte[] OpenSecret(byte[] sealedSecret, string ownerId) => Open(protector => protector.Unprotect(sealedSecret, ownerId));

    /// <summary>The signer of a stored key, opened on first use and kept.</summary>
    public ISigner SignerFor(SigningKey key) =>
        _signers.GetOrAdd(key.Id, _ => new Lazy<Pkcs12Signer>(() =>
        {
            using var material = Open(protector => protector.UnprotectPkcs12(key.SealedPkcs12, key.SealingOwner));
            return Pkcs12Signer.Open(material);
        })).Value;

    /// <summary>
    /// The blob sealed again under the current protection key, whichever key (current or previous) sealed it;
    /// <c>WasUnderPrevious</c> says whether it needed it.
    /// </summary>
    /// <exception cref="KeyProtectionException">No configured key opens it.</exception>
    public (byte[] Blob, bool WasUnderPrevious) ResealUnderCurrentKey(byte[] blob, string ownerId, SealedContent content)
    {
        var current = _protector.Value;
        return Open(protector => (current.Reseal(protector, blob, ownerId, content), protector != current));
    }

    /// <summary>Tries the current protection key, then each previous one; the first failure is the one reported.</summary>
    T Open<T>(Func<KeyProtector, T> open)
    {
        KeyProtectionException? first = null;
        foreach (var protector in _previous.Value.Prepend(_protector.Value))
        {
            try
            {
                return open(protector);
            }
            catch (KeyProtectionException e)
            {
                first ??= e;
            }
        }
        throw first!;
    }

    /// <summary>
    /// The organ's key on a PKCS#11 token or HSM, when <c>Keys:Organs:{organId}:Pkcs11</c> names one
    /// (<c>Module</c>, <c>TokenLabel</c> or <c>Slot</c>, <c>Pin</c>, <c>KeyLabel</c> or <c>KeyId</c>, optionally
    /// <c>CertificateFile</c>); null otherwise. The token is opened on first use and kept, with its session pool;
    /// a token that fails to open is tried again on the next call.
    /// </summary>
    public ISigner? Pkcs11SignerFor(string organId)
    {
        var section = configuration.GetSection($"Keys:Organs:{organId}:Pkcs11");
        if (!section.Exists())
            return null;
        var lazy = _tokens.GetOrAdd(organId, _ => new Lazy<Pkcs11Signer>(() => new Pkcs11Signer(new Pkcs11Options
        {
            Module = section["Module"] is { Length: > 0 } module ? module : throw new InvalidOperationException($"Keys:Organs:{organId}:Pkcs11:Module is not configured."),
            TokenLabel = section["TokenLabel"],
            Slot = section.GetValue<ulong?>("Slot"),
            Pin = section["Pin"] ?? throw new InvalidOperationException($"Keys:Organs:{organId}:Pkcs11:Pin is not configured (use the secret store)."),
            KeyLabel = section["KeyLabel"],
            KeyId = section["KeyId"],
            CertificateFile = section["CertificateFile"],
            SignatureAlgorithm = section.GetValue<SignatureAlgorithm?>("SignatureAlgorithm"),
            MaxSessions = section.GetValue("MaxSessions", 4),
        })));
        try
        {
            return lazy.Value;
        }
        catch
        {
            _tokens.TryRemove(new KeyValuePair<string, Lazy<Pkcs11Signer>>(organId, lazy));
            throw;
        }
    }

    static string KeyAlgorithmOf(X509Certificate2 certificate)
    {
        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is not null)
            return $"RSA-{rsa.KeySize}";
        using var ecdsa = certificate.GetECDsaPublicKey();
        return ecdsa is not null ? $"ECDSA-P{ecdsa.KeySize}" : certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value ?? "unknown";
    }

    public void Dispose()
    {
        foreach (var signer in _signers.Values.Where(s => s.IsValueCreated))
            signer.Value.Dispose();
        foreach (var token in _tokens.Values.Where(t => t.IsValueCreated))
            token.Value.Dispose();
        if (_protector.IsValueCreated)
            _protector.Value.Dispose();
        if (_previous.IsValueCreated)
            foreach (var previous in _previous.Value)
                previous.Dispose();
    }
}
