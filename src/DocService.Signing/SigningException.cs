namespace DocService.Signing;

/// <summary>Base of every error this library raises about signatures and signing keys.</summary>
public abstract class SigningException : Exception
{
    protected SigningException(string message, Exception? inner = null) : base(message, inner) { }
}
