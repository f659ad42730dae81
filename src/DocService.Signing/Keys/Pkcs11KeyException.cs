namespace DocService.Signing.Keys;

/// <summary>A PKCS#11 module, token or key could not be opened or used; the message never carries the PIN.</summary>
public sealed class Pkcs11KeyException : SigningException
{
    public Pkcs11KeyException(string message, Exception? inner = null) : base(message, inner) { }
}
