using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DocService.Signing.Keys;

/// <summary>
/// Seals signing keys at rest with AES-256-GCM under one 32-byte key from configuration.
/// A blob is <c>version (1) ‖ nonce (12) ‖ tag (16) ‖ ciphertext</c>; the associated data binds the
/// version, what the blob holds and its owner (a user or organ id), so a blob copied to another
/// owner's row, or passed off as another kind of secret, does not open.
/// </summary>
public sealed class KeyProtector : IDisposable
{
    public const byte FormatVersion = 1;
    public const int KeySize = 32;

    const int NonceSize = 12;
    const int TagSize = 16;
    const int HeaderSize = 1 + NonceSize + TagSize;


    readonly byte[] _key;

    /// <param name="base64Key">32 random bytes, base64-encoded (see <see cref="GenerateKey"/>).</param>
    public KeyProtector(string base64Key) : this(DecodeKey(base64Key)) { }

    public KeyProtector(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySize)
        {
            // The length is safe to say; the key itself never appears in a message.
            throw new ArgumentException($"The key-protection key must be {KeySize} bytes, not {key.Length}.", nameof(key));
        }
        _key = key.ToArray();
    }

    /// <summary>A fresh random key, base64-encoded, for configuration.</summary>
    public static string GenerateKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeySize));

    /// <summary>Seals arbitrary secret bytes for <paramref name="ownerId"/>.</summary>
    public byte[] Protect(ReadOnlySpan<byte> secret, string ownerId) => Seal(secret, ownerId, SealedContent.Secret);

    /// <exception cref="KeyProtectionException">Tampered, wrong owner, wrong key or unknown format.</exception>
    public byte[] Unprotect(ReadOnlySpan<byte> blob, string ownerId) => Open(blob, ownerId, SealedContent.Secret);

    /// <summary>Seals a PKCS#12 together with its password for <paramref name="ownerId"/>.</summary>
    public byte[] ProtectPkcs12(ReadOnlySpan<byte> pkcs12, ReadOnlySpan<char> password, string ownerId)
    {
        var passwordLength = Encoding.UTF8.GetByteCount(password);
        var plain = new byte[4 + passwordLength + pkcs12.Length];
        try
        {
            BinaryPrimitives.WriteInt32BigEndian(plain, passwordLength);
            Encoding.UTF8.GetBytes(password, plain.AsSpan(4, passwordLength));
            pkcs12.CopyTo(plain.AsSpan(4 + passwordLength));
            return Seal(plain, ownerId, SealedContent.Pkcs12);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>Opens what <see cref="ProtectPkcs12"/> sealed; dispose the result as soon as the key store is open.</summary>
    /// <exception cref="KeyProtectionException">Tampered, wrong owner, wrong key or unknown format.</exception>
    public Pkcs12Material UnprotectPkcs12(ReadOnlySpan<byte> blob, string ownerId)
    {
        var plain = Open(blob, ownerId, SealedContent.Pkcs12);
        try
        {
            var passwordLength = BinaryPrimitives.ReadInt32BigEndian(plain);
            var password = Encoding.UTF8.GetChars(plain, 4, passwordLength);
            return new Pkcs12Material(plain.AsSpan(4 + passwordLength).ToArray(), password);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>
    /// Seals under this key what <paramref name="sealedUnder"/> sealed, for rotating the key-protection key:
    /// the secret is opened, sealed again and wiped here, never handed out.
    /// </summary>
    /// <exception cref="KeyProtectionException">The blob does not open under <paramref name="sealedUnder"/>.</exception>
    public byte[] Reseal(KeyProtector sealedUnder, ReadOnlySpan<byte> blob, string ownerId, SealedContent content)
    {
        ArgumentNullException.ThrowIfNull(sealedUnder);
        var plain = sealedUnder.Open(blob, ownerId, content);
        try
        {
            return Seal(plain, ownerId, content);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(_key);

    public override string ToString() => $"{nameof(KeyProtector)}(AES-256-GCM, format {FormatVersion})";

    byte[] Seal(ReadOnlySpan<byte> plain, string ownerId, SealedContent purpose)
    {
        var blob = new byte[HeaderSize + plain.Length];
        blob[0] = FormatVersion;
        var nonce = blob.AsSpan(1, NonceSize);
        var tag = blob.AsSpan(1 + NonceSize, TagSize);
        RandomNumberGenerator.Fill(nonce);

        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, blob.AsSpan(HeaderSize), tag, AssociatedData(FormatVersion, purpose, ownerId));
        return blob;
    }

    byte[] Open(ReadOnlySpan<byte> blob, string ownerId, SealedContent purpose)
    {
        var associatedData = AssociatedData(FormatVersion, purpose, ownerId);
        if (blob.Length < HeaderSize)
        {
            throw new KeyProtectionException(
                $"The protected key of owner '{ownerId}' is {blob.Length} bytes, shorter than the {HeaderSize}-byte header.");
        }
        if (blob[0] != FormatVersion)
        {
            throw new KeyProtectionException(
                $"The protected key of owner '{ownerId}' has format version {blob[0]}; this version reads {FormatVersion}.");
        }

        var plain = new byte[blob.Length - HeaderSize];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(
                blob.Slice(1, NonceSize), blob[HeaderSize..], blob.Slice(1 + NonceSize, TagSize), plain, associatedData);
            return plain;
        }
        catch (CryptographicException e)
        {
            CryptographicOperations.ZeroMemory(plain);
            throw new KeyProtectionException(
                $"The protected key of owner '{ownerId}' does not authenticate: it was altered, belongs to another " +
                "owner, or was sealed under another key.", e);
        }
    }

    // version ‖ purpose ‖ owner id (UTF-8): the fixed two-byte prefix keeps the encoding unambiguous.
    static byte[] AssociatedData(byte version, SealedContent purpose, string ownerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        var data = new byte[2 + Encoding.UTF8.GetByteCount(ownerId)];
        data[0] = version;
        data[1] = (byte)purpose;
        Encoding.UTF8.GetBytes(ownerId, data.AsSpan(2));
        return data;
    }

    static byte[] DecodeKey(string base64Key)
    {
        ArgumentException.ThrowIfNullOrEmpty(base64Key);
        try
        {
            return Convert.FromBase64String(base64Key);
        }
        catch (FormatException)
        {
            // The FormatException is dropped on purpose: nothing derived from the key goes into a log.
            throw new ArgumentException("The key-protection key is not valid base64.", nameof(base64Key));
        }
    }
}

/// <summary>What a sealed blob holds; part of what the seal authenticates, so one cannot pass for the other.</summary>
public enum SealedContent : byte
{
    /// <summary>Secret bytes (<see cref="KeyProtector.Protect"/>), such as a webhook's shared secret.</summary>
    Secret = 1,

    /// <summary>A PKCS#12 with its password (<see cref="KeyProtector.ProtectPkcs12"/>).</summary>
    Pkcs12 = 2,
}
