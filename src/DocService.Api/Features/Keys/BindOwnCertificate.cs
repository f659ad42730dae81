using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DocService.Api.Domain.Keys;
using DocService.Api.Features.Signing;
using DocService.Api.Infrastructure.Auth;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Messaging;
using Mediator;

namespace DocService.Api.Features.Keys;

/// <summary>
/// An official binds their own token's certificate, proving they hold its key by signing a statement that names
/// the certificate, themself and the organ (so the proof cannot be replayed for anyone else). The binding is
/// pending until an admin approves it (<see cref="ApproveCertificate"/>); until then a session refuses it.
/// </summary>
public static class BindOwnCertificate
{
    /// <param name="Certificate">The certificate first, then its intermediates: each base64 DER or PEM.</param>
    /// <param name="Proof">Base64: the signature, with SHA-256, over the UTF-8 bytes of <see cref="Statement"/>
    /// (RSA PKCS#1 v1.5 or PSS; ECDSA as DER or r‖s).</param>
    public sealed record Request(IReadOnlyList<string> Certificate, string? Proof);

    public sealed record Command(Request Body) : ICommand<CertificateResponse>, IValidatable, IAuditedCommand
    {
        public string AuditAction => "certificate.bind";
        public string AuditTarget => "self";
        public object AuditPayload => new { Bound = true };

        public IEnumerable<(string Field, string Problem)> Validate()
        {
            if (Body.Certificate is not { Count: > 0 and <= 10 })
                yield return ("certificate", "Send the certificate first, then its intermediates (at most 10).");
            if (Body.Proof is not { Length: > 0 and <= 2048 } proof || !Convert.TryFromBase64String(proof, new byte[proof.Length], out _))
                yield return ("proof", "Sign the binding statement with the certificate's key and send the signature in base64.");
        }
    }

    /// <summary>What the official signs: the SHA-256 thumbprint (hex, upper case) of the certificate, their user name and organ.</summary>
    public static string Statement(string thumbprint, string userName, string organ) =>
        $"DocService certificate binding\n{thumbprint}\n{userName}\n{organ}";

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/me/certificates", async (Request body, IMediator mediator, CancellationToken ct) =>
            {
                var bound = await mediator.Send(new Command(body), ct);
                return TypedResults.Created($"/api/v1/admin/certificates/{bound.Id}", bound);
            })
            .RequireAuthorization(Policies.Member)
            .WithTags("Signing sessions")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Bind your own signing certificate (proof of the key), pending an admin's approval")
            .WithDescription("`proof`: the signature with SHA-256 over the UTF-8 text \"DocService certificate binding\\n{SHA-256 thumbprint, hex upper case}\\n{your user name}\\n{your organ}\".");

    internal sealed class Handler(CertificateRegistrations registrations, CurrentUser user) : ICommandHandler<Command, CertificateResponse>
    {
        public async ValueTask<CertificateResponse> Handle(Command command, CancellationToken ct)
        {
            var organ = user.Organ.Value;
            var chain = RemoteSigning.ParseChain(command.Body.Certificate, "certificate");
            var statement = Encoding.UTF8.GetBytes(Statement(SignerCertificates.Thumbprint(chain[0]), user.UserName, organ));
            if (!Proves(chain[0], statement, Convert.FromBase64String(command.Body.Proof!)))
                throw new ApiException(422, "certificate.proof_invalid",
                    "The proof is not a signature by this certificate's key over the binding statement for you and your organ.");
            return CertificateResponse.From(await registrations.AddAsync(
                organ, KeyOwnerKind.User, user.UserName, chain, CertificateRegistrationStatus.Pending, user.UserName, ct));
        }

        static bool Proves(X509Certificate2 certificate, byte[] statement, byte[] proof)
        {
            if (certificate.GetRSAPublicKey() is { } rsa)
                using (rsa)
                    return rsa.VerifyData(statement, proof, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                           || rsa.VerifyData(statement, proof, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
            if (certificate.GetECDsaPublicKey() is { } ecdsa)
                using (ecdsa)
                    return ecdsa.VerifyData(statement, proof, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
                           || ecdsa.VerifyData(statement, proof, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            return false;
        }
    }
}
