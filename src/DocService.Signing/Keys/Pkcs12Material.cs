namespace DocService.Signing.Keys;

/// <summary>
/// A decrypted PKCS#12 and its password, held only as long as it takes to open the key store.
/// <see cref="Dispose"/> wipes both; <see cref="ToString"/> never shows them.
/// </summary>
public sealed class Pkcs12Material : IDisposable
{
    readonly byte[] _pkcs12;
    readonly char[] _password;
    bool _disposed;

    internal Pkcs12Material(byte[] pkcs12, char[] password)
    {
        _pkcs12 = pkcs12;
        _password = password;
    }

    public ReadOnlySpan<byte> Pkcs12
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _pkcs12;
        }
    }

    public ReadOnlySpan<char> Password
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _password;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        Array.Clear(_pkcs12);
        Array.Clear(_password);
    }

    public override string ToString() => $"{nameof(Pkcs12Material)}({_pkcs12.Length} bytes, password redacted)";
}
