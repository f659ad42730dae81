namespace DocService.Signing.Pades;

/// <summary>
/// The document forbids this signature (a certification with no changes permitted, a field lock,
/// encryption) or the request cannot be honoured (the field is already signed). <see cref="Code"/>
/// is stable for clients.
/// </summary>
public sealed class SignatureNotPermittedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
