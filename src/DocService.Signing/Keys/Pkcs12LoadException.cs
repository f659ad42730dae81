namespace DocService.Signing.Keys;

/// <summary>A PKCS#12 key store could not be opened or does not hold one usable signing key.</summary>
public sealed class Pkcs12LoadException : SigningException
{
    public Pkcs12LoadException(string message, Exception? inner = null) : base(message, inner) { }
}
