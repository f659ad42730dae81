using DocService.Signing.Validation.Revocation;
using DocService.Signing.Validation.Trust;


namespace DocService.Signing.Validation.Checks;

/// <summary>Whether the chain was revoked, from the data embedded in the file (DSS, CMS) and, when allowed, fetched online.</summary>
internal sealed class RevocationCheck(RevocationChecker checker)
{
    public async Task<RevocationResult> RunAsync(SignatureEvidence evidence, ChainOutcome? chain, DateTimeOffset bestTime, CancellationToken ct) =>
        chain is { Status: TrustStatus.Trusted or TrustStatus.ChainInvalid } && chain.Elements.Count > 0
            ? await checker.CheckAsync(chain.Elements, EmbeddedRevocationData.From(evidence.Dss, evidence.Cms), bestTime, evidence.ValidationTime, ct)
            : new RevocationResult(RevocationStatus.NotChecked, [], ["No chain to a trust anchor, so revocation was not checked."]);

    /// <summary>A chain not yet in any document (a certificate about to sign): nothing embedded, so fetched when allowed.</summary>
    public Task<RevocationResult> RunWithoutDocumentAsync(IReadOnlyList<System.Security.Cryptography.X509Certificates.X509Certificate2> chain,
        DateTimeOffset at, CancellationToken ct) =>
        checker.CheckAsync(chain, new EmbeddedRevocationData([], []), at, at, ct);

    public static CheckOutcome Judge(RevocationResult r) => r.Status switch
    {
        RevocationStatus.Good => new(CheckName.Revocation, CheckStatus.Passed, new(
            $"Chứng thư số chưa bị thu hồi ({Sources(r)}).", $"The certificates are not revoked ({Sources(r)}).")),
        RevocationStatus.Revoked when r.Certificates.FirstOrDefault(c => c.Status == RevocationStatus.Revoked) is { } revoked => new(CheckName.Revocation, CheckStatus.Failed, new(
            $"Chứng thư số {revoked.Subject} đã bị thu hồi{(revoked.RevocationTime is { } t ? " lúc " + Wording.Vi(t) : "")}.",
            $"The certificate {revoked.Subject} is revoked{(revoked.RevocationTime is { } at ? " since " + Wording.En(at) : "")}.")),
        RevocationStatus.NotChecked => new(CheckName.Revocation, CheckStatus.NotApplicable, new(
            "Không kiểm tra thu hồi vì không có chuỗi tới chứng thư gốc tin cậy.", "Revocation was not checked: there is no chain to a trusted root.")),
        _ => new(CheckName.Revocation, CheckStatus.Indeterminate, new(
            "Không có thông tin thu hồi (OCSP/CRL) dùng được cho chuỗi chứng thư.",
            "No usable revocation information (OCSP/CRL) for the chain: " + Wording.Detail(r.Reasons.Concat(r.Certificates.SelectMany(c => c.Problems))))),
    };

    static string Sources(RevocationResult r) =>
        string.Join(", ", r.Certificates.Select(c => c.Source).OfType<string>().Distinct());
}
