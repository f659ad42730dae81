using System.Collections.Concurrent;
using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using DocService.Signing.Cms;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace DocService.Signing.Keys;

/// <summary>
/// A key on a PKCS#11 token or HSM (Pkcs11Interop): the private key never leaves the device; this
/// object asks it to sign precomputed digests. RSA (PKCS#1 v1.5 through CKM_RSA_PKCS with the
/// DigestInfo built here, PSS through CKM_RSA_PKCS_PSS) and ECDSA (CKM_ECDSA, r‖s turned into DER).
/// </summary>
/// <remarks>
/// A PKCS#11 session runs one operation at a time, so signing takes a session from a small pool
/// (at most <see cref="Pkcs11Options.MaxSessions"/>, opened on demand and kept). The login belongs
/// to the application, not the session (PKCS#11 §5.6): one session opened here stays open for this
/// object's life to keep the token logged in, and every pooled session shares that login. A session
/// the token has dropped (removed and re-inserted, restarted HSM) is thrown away, the user logged in
/// again, and the signature tried once more on a fresh session.
/// </remarks>
public sealed class Pkcs11Signer : ISigner, IDisposable
{
    readonly string _module;
    readonly ISlot _slot;
    readonly string _pin;
    readonly ISession _loginSession;
    readonly IObjectHandle _key;
    readonly ConcurrentBag<ISession> _idle = new();
    readonly SemaphoreSlim _available;
    readonly object _loginLock = new();
    volatile bool _disposed;

    public Pkcs11Signer(Pkcs11Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.TokenLabel is null && options.Slot is null)
            throw new ArgumentException("Name the token by its label or its slot.", nameof(options));

        _pin = options.Pin;
        _available = new SemaphoreSlim(Math.Max(1, options.MaxSessions));
        _module = options.Module;
        IPkcs11Library library;
        try
        {
            library = Pkcs11Modules.Acquire(options.Module);
        }
        catch (Exception e) when (e is Pkcs11Exception or UnmanagedException or DllNotFoundException or IOException)
        {
            throw new Pkcs11KeyException($"The PKCS#11 module {options.Module} could not be loaded: {e.Message}", e);
        }

        try
        {
            _slot = FindSlot(library, options);
            _loginSession = _slot.OpenSession(SessionType.ReadOnly);
            Login(_loginSession);
            var id = options.KeyId is { } hex ? Convert.FromHexString(hex) : null;
            _key = FindOne(_loginSession, CKO.CKO_PRIVATE_KEY, options.KeyLabel, id)
                ?? throw new Pkcs11KeyException($"The token has no private key {Describe(options.KeyLabel, options.KeyId)}.");
            var certificates = LoadCertificates(_loginSession, options, id);
            Certificate = certificates[0];
            Chain = certificates.Skip(1).ToArray();
            SignatureAlgorithm = options.SignatureAlgorithm ?? SignatureAlgorithmExtensions.DefaultFor(Certificate);
            SignatureAlgorithm.EnsureMatchesKeyOf(Certificate);
        }
        catch (Pkcs11Exception e)
        {
            _loginSession?.Dispose();
            Pkcs11Modules.Release(options.Module);
            throw new Pkcs11KeyException($"The PKCS#11 token refused: {e.RV}.", e);
        }
        catch
        {
            _loginSession?.Dispose();
            Pkcs11Modules.Release(options.Module);
            throw;
        }
    }

    public X509Certificate2 Certificate { get; }

    public IReadOnlyList<X509Certificate2> Chain { get; }

    public SignatureAlgorithm SignatureAlgorithm { get; }

    public async ValueTask<byte[]> SignAsync(ReadOnlyMemory<byte> digest, DigestAlgorithm algorithm, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        algorithm.EnsureDigestLength(digest.Length, nameof(digest));

        await _available.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var session = Take();
                try
                {
                    var value = Sign(session, digest.Span, algorithm);
                    _idle.Add(session);
                    return value;
                }
                catch (Pkcs11Exception e) when (attempt == 0 && IsLostSession(e.RV))
                {
                    session.Dispose();
                    lock (_loginLock)
                        Login(_loginSession);
                }
                catch
                {
                    session.Dispose();
                    throw;
                }
            }
        }
        finally
        {
            _available.Release();
        }
    }

    byte[] Sign(ISession session, ReadOnlySpan<byte> digest, DigestAlgorithm algorithm)
    {
        var mechanisms = session.Factories.MechanismFactory;
        switch (SignatureAlgorithm)
        {
            case SignatureAlgorithm.RsaPkcs1:
                // CKM_RSA_PKCS pads whatever it is given: for a signature that is the DigestInfo (RFC 8017 §9.2).
                return session.Sign(mechanisms.Create(CKM.CKM_RSA_PKCS), _key, DigestInfo(digest, algorithm));
            case SignatureAlgorithm.RsaPss:
                {
                    var (hash, mgf) = algorithm switch
                    {
                        DigestAlgorithm.Sha256 => (CKM.CKM_SHA256, CKG.CKG_MGF1_SHA256),
                        DigestAlgorithm.Sha384 => (CKM.CKM_SHA384, CKG.CKG_MGF1_SHA384),
                        _ => (CKM.CKM_SHA512, CKG.CKG_MGF1_SHA512),
                    };
                    // The parameters SignatureAlgorithm.RsaPss announces in CMS: MGF1 with the same hash, salt = hash length.
                    var parameters = session.Factories.MechanismParamsFactory.CreateCkRsaPkcsPssParams(
                        ConvertUtils.UInt64FromCKM(hash), ConvertUtils.UInt64FromCKG(mgf), (ulong)algorithm.DigestLength());
                    return session.Sign(mechanisms.Create(CKM.CKM_RSA_PKCS_PSS, parameters), _key, digest.ToArray());
                }
            default:
                // CKM_ECDSA returns r‖s (PKCS#11 §2.3.1); CMS carries the DER SEQUENCE { r, s }.
                return SignatureValues.P1363ToDer(session.Sign(mechanisms.Create(CKM.CKM_ECDSA), _key, digest.ToArray()));
        }
    }

    /// <summary>DER DigestInfo ::= SEQUENCE { AlgorithmIdentifier (parameters NULL), OCTET STRING digest }.</summary>
    internal static byte[] DigestInfo(ReadOnlySpan<byte> digest, DigestAlgorithm algorithm)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(algorithm.Oid());
                writer.WriteNull();
            }
            writer.WriteOctetString(digest);
        }
        return writer.Encode();
    }

    ISession Take() => _idle.TryTake(out var session) ? session : _slot.OpenSession(SessionType.ReadOnly);

    void Login(ISession session)
    {
        try
        {
            session.Login(CKU.CKU_USER, _pin);
        }
        catch (Pkcs11Exception e) when (e.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
        {
        }
        catch (Pkcs11Exception e) when (e.RV is CKR.CKR_PIN_INCORRECT or CKR.CKR_PIN_LOCKED or CKR.CKR_PIN_INVALID)
        {
            throw new Pkcs11KeyException($"The token refused the PIN ({e.RV}).", e);
        }
    }

    static bool IsLostSession(CKR rv) =>
        rv is CKR.CKR_SESSION_HANDLE_INVALID or CKR.CKR_SESSION_CLOSED or CKR.CKR_USER_NOT_LOGGED_IN
            or CKR.CKR_DEVICE_REMOVED or CKR.CKR_TOKEN_NOT_PRESENT;

    static ISlot FindSlot(IPkcs11Library library, Pkcs11Options options)
    {
        var slots = library.GetSlotList(SlotsType.WithTokenPresent);
        var slot = options.Slot is { } id
            ? slots.FirstOrDefault(s => s.SlotId == id)
            : slots.FirstOrDefault(s => s.GetTokenInfo().Label.TrimEnd() == options.TokenLabel!.TrimEnd());
        return slot ?? throw new Pkcs11KeyException(
            options.Slot is { } missing ? $"No token is present in slot {missing}." : $"No token labelled '{options.TokenLabel}' is present.");
    }

    static IObjectHandle? FindOne(ISession session, CKO objectClass, string? label, byte[]? id)
    {
        var attributes = session.Factories.ObjectAttributeFactory;
        var template = new List<IObjectAttribute> { attributes.Create(CKA.CKA_CLASS, objectClass) };
        // Neither label nor id: the token's only object of the class (a personal token holds one key).
        if (id is not null)
            template.Add(attributes.Create(CKA.CKA_ID, id));
        else if (label is not null)
            template.Add(attributes.Create(CKA.CKA_LABEL, label));
        var found = session.FindAllObjects(template);
        return found.Count switch
        {
            0 => null,
            1 => found[0],
            _ => throw new Pkcs11KeyException($"The token has {found.Count} objects of class {objectClass} {Describe(label, id is null ? null : Convert.ToHexString(id))}; name one."),
        };
    }

    static X509Certificate2[] LoadCertificates(ISession session, Pkcs11Options options, byte[]? id)
    {
        if (options.CertificateFile is { } file)
        {
            var collection = new X509Certificate2Collection();
            var text = File.ReadAllText(file);
            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
                collection.ImportFromPem(text);
            else
                collection.Add(X509CertificateLoader.LoadCertificateFromFile(file));
            return collection.Count > 0 ? [.. collection] : throw new Pkcs11KeyException($"{file} holds no certificate.");
        }

        var handle = FindOne(session, CKO.CKO_CERTIFICATE, options.KeyLabel, id)
            ?? throw new Pkcs11KeyException(
                $"The token keeps no certificate {Describe(options.KeyLabel, options.KeyId)}; write it to the token or give CertificateFile.");
        var value = session.GetAttributeValue(handle, [CKA.CKA_VALUE])[0].GetValueAsByteArray();
        return [X509CertificateLoader.LoadCertificate(value)];
    }

    static string Describe(string? label, string? id) =>
        id is not null ? $"with id {id}" : label is not null ? $"labelled '{label}'" : "(none named)";

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        while (_idle.TryTake(out var session))
            session.Dispose();
        _loginSession.Dispose();
        Pkcs11Modules.Release(_module);
        _available.Dispose();
        Certificate.Dispose();
        foreach (var certificate in Chain)
            certificate.Dispose();
    }

    public override string ToString() => $"{nameof(Pkcs11Signer)}({Certificate.Subject}, {SignatureAlgorithm})";
}
