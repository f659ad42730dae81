namespace DocService.Signing.Cms;

/// <summary>
/// A signature value handed to <see cref="CmsSignatureBuilder.Assemble"/> does not verify over the
/// prepared signed attributes with the signer's public key: another key made it, or it was made over
/// other data.
/// </summary>
public sealed class SignatureValueMismatchException : SigningException
{
    public SignatureValueMismatchException(string signerSubject, string signerThumbprint, SignatureAlgorithm algorithm)
        : base($"The {algorithm} signature value does not verify with the key of {signerSubject} " +
               $"(SHA-1 thumbprint {signerThumbprint}) over the prepared signed attributes: " +
               "it was made with another key or over other data.")
    {
        SignerSubject = signerSubject;
        SignerThumbprint = signerThumbprint;
    }

    public string SignerSubject { get; }

    public string SignerThumbprint { get; }
}
