namespace DocService.Signing.Keys;

/// <summary>
/// A protected key blob does not open: it was tampered with, belongs to another owner, was sealed
/// under another key, or is not in a format this version reads.
/// </summary>
public sealed class KeyProtectionException : SigningException
{
    public KeyProtectionException(string message, Exception? inner = null) : base(message, inner) { }
}
