using System.Security.Cryptography.X509Certificates;
using DocService.Signing.Validation.Cms;
using DocService.Signing.Validation.Timestamps;
using DocService.Signing.Validation.Trust;


namespace DocService.Signing.Validation.Checks;

/// <summary>
/// The proofs of existence of a signature: its signature timestamp (or, for a document timestamp,
/// its own token) and the document timestamps over it. The best signature time is the earliest
/// trusted one, else the validation time (ETSI EN 319 102-1 §5.6.2.1). A timestamp that is there but
/// does not verify is <c>Broken</c>: it proves nothing, and (ETSI EN 319 102-1 §5.6.2) what it
/// should prove cannot pass.
/// </summary>
internal static class TimestampsCheck
{
    public static TimestampsResult Run(SignatureEvidence evidence)
    {
        TimestampResult? own = evidence.Kind == SignatureKind.DocumentTimestamp
            ? OfDocumentTimestamp(evidence.Integrity, evidence.Options)
            : evidence.Cms is { } cms ? TimestampCheck.CheckSignatureTimestamp(cms, evidence.Options, evidence.ValidationTime)?.Result : null;
        var covering = evidence.CoveringTimestamps
            .Select(d => new DocumentTimestampReference(d.Signature.FieldName, d.Timestamp?.Time, d.Timestamp?.Valid ?? false,
                d.Timestamp is { Valid: true, Trusted: true }, d.Timestamp?.TsaName))
            .ToList();

        var best = evidence.ValidationTime;
        var source = BestTimeSource.ValidationTime;
        var ownIsProof = evidence.Kind == SignatureKind.DocumentTimestamp ? own is { Valid: true } : own is { Valid: true, Trusted: true };
        if (ownIsProof && own!.Time is { } ownTime && ownTime < best)
            (best, source) = (ownTime, BestTimeSource.SignatureTimestamp);
        foreach (var d in covering.Where(d => d.Trusted && d.Time is { } t && t < best))
            (best, source) = (d.Time!.Value, BestTimeSource.DocumentTimestamp);

        // A document timestamp's own token failing is its integrity failing, judged there.
        var broken = evidence.Kind == SignatureKind.Signature && own is { Valid: false } || covering.Any(d => !d.Valid);
        return new(own, covering, best, source, broken);
    }

    /// <summary>A document timestamp's token, read from the integrity check that already verified it.</summary>
    public static TimestampResult? OfDocumentTimestamp(CmsIntegrity integrity, ValidationOptions options)
    {
        if (integrity.Cms is not { SignerCertificate: { } tsa } token || integrity.TimestampInfo is not { } info)
            return null;
        var time = new DateTimeOffset(DateTime.SpecifyKind(info.GenTime.ToDateTime(), DateTimeKind.Utc));
        var chain = ChainBuilder.Build(tsa, token.Certificates.Concat(options.Intermediates), options.TrustAnchors, time, CertificatePurpose.Timestamping);
        return new TimestampResult(integrity.Result.Valid, integrity.Result.DigestMatches, integrity.Result.SignatureVerifies,
            chain.Status == TrustStatus.Trusted, time, tsa.GetNameInfo(X509NameType.SimpleName, false),
            integrity.Result.DigestAlgorithm, [.. integrity.Result.Reasons, .. chain.Reasons]);
    }

    public static CheckOutcome Judge(TimestampsResult r, SignatureKind kind)
    {
        if (kind == SignatureKind.Signature && r.SignatureTimestamp is { Valid: false } bad)
            return new(CheckName.Timestamps, CheckStatus.Failed, new(
                $"Dấu thời gian của chữ ký không hợp lệ{Tsa(bad.TsaName, "vi")}: chữ ký hoặc giá trị băm của dấu thời gian không đúng, nên nó không chứng minh được thời điểm ký.",
                $"The signature timestamp{Tsa(bad.TsaName, "en")} is broken: its own signature or imprint does not verify, so it proves no time. {Wording.Detail(bad.Reasons)}"));
        if (r.DocumentTimestamps.FirstOrDefault(d => !d.Valid) is { } badDocument)
            return new(CheckName.Timestamps, CheckStatus.Failed, new(
                $"Dấu thời gian tài liệu \"{badDocument.FieldName}\" bao trùm chữ ký này không hợp lệ, nên không chứng minh được thời điểm nào.",
                $"The document timestamp \"{badDocument.FieldName}\" over this signature is broken, so it proves no time."));
        var proofs = new List<(string Vi, string En)>();
        if (r.SignatureTimestamp is { Time: { } t } ts)
            proofs.Add(($"dấu thời gian {(kind == SignatureKind.Signature ? "của chữ ký" : "tài liệu")}{Tsa(ts.TsaName, "vi")} lúc {Wording.Vi(t)}{(ts.Trusted ? "" : " (TSA chưa được tin cậy)")}",
                $"{(kind == SignatureKind.Signature ? "signature" : "document")} timestamp{Tsa(ts.TsaName, "en")} at {Wording.En(t)}{(ts.Trusted ? "" : " (TSA not trusted)")}"));
        foreach (var d in r.DocumentTimestamps.Where(d => d.Time is not null))
            proofs.Add(($"dấu thời gian tài liệu \"{d.FieldName}\"{Tsa(d.TsaName, "vi")} lúc {Wording.Vi(d.Time!.Value)}{(d.Trusted ? "" : " (TSA chưa được tin cậy)")}",
                $"document timestamp \"{d.FieldName}\"{Tsa(d.TsaName, "en")} at {Wording.En(d.Time!.Value)}{(d.Trusted ? "" : " (TSA not trusted)")}"));
        var best = r.BestSignatureTimeSource == BestTimeSource.ValidationTime
            ? ($"không có bằng chứng thời gian được tin cậy, nên chữ ký được xét tại thời điểm xác thực {Wording.Vi(r.BestSignatureTime)}",
                $"no trusted proof of time, so the signature is judged at the validation time {Wording.En(r.BestSignatureTime)}")
            : ($"thời điểm ký được chứng minh: {Wording.Vi(r.BestSignatureTime)}", $"proven signing time: {Wording.En(r.BestSignatureTime)}");
        return new(CheckName.Timestamps, proofs.Count == 0 ? CheckStatus.NotApplicable : CheckStatus.Passed, new(
            Capitalise(string.Join("; ", proofs.Select(p => p.Vi).Append(best.Item1))) + ".",
            Capitalise(string.Join("; ", proofs.Select(p => p.En).Append(best.Item2))) + "."));
    }

    static string Tsa(string? name, string language) =>
        name is null ? "" : language == "vi" ? $" của {name}" : $" of {name}";

    static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
