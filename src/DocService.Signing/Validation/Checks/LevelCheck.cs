using System.Security.Cryptography.X509Certificates;
using DocService.Signing.Validation.Pdf;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.X509;


namespace DocService.Signing.Validation.Checks;

/// <summary>
/// The PAdES baseline level as ETSI EN 319 142-1 §6 defines it, from the structure alone: B-B
/// (intact CAdES signature binding its certificate), B-T (a valid timestamp over it), B-LT (the DSS
/// holds revocation data for the signer's certificate), B-LTA (a valid document timestamp over that
/// DSS). Whether the embedded data is fresh and sufficient is a validation result reported beside
/// the level, with its dates — never "no revocation data" when there is some.
/// </summary>
internal static class LevelCheck
{
    public static LevelResult Run(SignatureEvidence evidence, IntegrityResult integrity, TrustResult trust, TimestampsResult timestamps, RevocationResult revocation)
    {
        if (evidence.Kind == SignatureKind.DocumentTimestamp)
            return new(LevelReached.None, new("Mức PAdES áp dụng cho chữ ký; đây là dấu thời gian tài liệu.",
                "Levels apply to signatures; this is a document timestamp."), null, []);
        if (!integrity.Valid)
            return new(LevelReached.None, new("Chữ ký không toàn vẹn nên không đạt mức nào.", "The signature is not intact, so it reaches no level."), null, []);
        if (!TrustCheck.SigningCertificateAttributeMatches(evidence.Cms))
            return new(LevelReached.None, new("Thiếu thuộc tính signing-certificate(-v2) khớp với chứng thư ký: mức B-B đòi hỏi thuộc tính này.",
                "No matching signing-certificate(-v2) signed attribute: B-B requires it."), null, []);
        var timestamped = timestamps.SignatureTimestamp is { Valid: true } || timestamps.DocumentTimestamps.Any(d => d.Valid);
        if (!timestamped)
            return new(LevelReached.BB, timestamps.Broken
                ? new("Dấu thời gian không hợp lệ nên chữ ký chỉ đạt B-B: mức B-T đòi hỏi một dấu thời gian hợp lệ.",
                    "The timestamp is broken, so the signature stays at B-B: B-T requires a valid one.")
                : new("Không có dấu thời gian của chữ ký hay dấu thời gian tài liệu: mức B-T đòi hỏi một dấu thời gian.",
                    "No signature timestamp or document timestamp: B-T requires one."), null, []);

        var signer = evidence.Cms!.SignerCertificate!;
        var inDss = RevocationDataFor(signer, evidence.Dss);
        if (inDss.Count == 0)
            return new(LevelReached.BT, new("DSS không chứa dữ liệu thu hồi (OCSP/CRL) cho chứng thư của người ký: mức B-LT đòi hỏi dữ liệu này.",
                "The DSS holds no revocation data (OCSP/CRL) for the signer's certificate: B-LT requires it."), null, []);

        var freshness = Freshness(inDss, timestamps.BestSignatureTime);
        var usable = revocation.Status == RevocationStatus.Good;
        var problems = usable ? freshness : [.. freshness, .. revocation.Certificates.SelectMany(c => c.Problems), .. revocation.Reasons];
        var archived = evidence.CoveringTimestamps.Any(d => d.Timestamp is { Valid: true } && d.ByteRange.CoveredRevision is { } r
            && RevocationDataFor(signer, DssReader.Read(evidence.Snapshots.At(r))).Count > 0);
        return archived
            ? new(LevelReached.BLTA, new("Đạt mức cao nhất B-LTA: dữ liệu xác thực trong DSS được dấu thời gian tài liệu bảo vệ.",
                "B-LTA, the highest level: the validation data in the DSS is covered by a document timestamp."), usable, problems.Distinct().ToList())
            : new(LevelReached.BLT, new("Không có dấu thời gian tài liệu hợp lệ bao trùm DSS: mức B-LTA đòi hỏi một dấu thời gian như vậy.",
                "No valid document timestamp over the DSS: B-LTA requires one."), usable, problems.Distinct().ToList());
    }

    /// <summary>One revocation datum in the DSS that speaks about a certificate: when it was issued.</summary>
    sealed record Datum(string Kind, DateTimeOffset Issued);

    /// <summary>The OCSP responses naming the certificate's serial and the CRLs of its issuer, as found in the DSS (authenticity is the revocation check's business).</summary>
    static List<Datum> RevocationDataFor(X509Certificate2 certificate, DocumentSecurityStore dss)
    {
        var serial = new Org.BouncyCastle.Math.BigInteger(1, certificate.SerialNumberBytes.ToArray());
        var found = new List<Datum>();
        foreach (var bytes in dss.OcspResponses)
        {
            try
            {
                if (new OcspResp(bytes).GetResponseObject() is BasicOcspResp basic
                    && basic.Responses.Any(r => r.GetCertID().SerialNumber.Equals(serial)))
                    found.Add(new("OCSP", new DateTimeOffset(DateTime.SpecifyKind(basic.ProducedAt, DateTimeKind.Utc))));
            }
            catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException or OcspException)
            {
                // unreadable data speaks about nothing
            }
        }
        var issuer = X509Name.GetInstance(Asn1Object.FromByteArray(certificate.IssuerName.RawData));
        foreach (var bytes in dss.Crls)
        {
            try
            {
                if (new X509CrlParser().ReadCrl(bytes) is { } crl && crl.IssuerDN.Equivalent(issuer))
                    found.Add(new("CRL", new DateTimeOffset(DateTime.SpecifyKind(crl.ThisUpdate, DateTimeKind.Utc))));
            }
            catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException or Org.BouncyCastle.Security.Certificates.CrlException)
            {
                // as above
            }
        }
        return found;
    }

    /// <summary>ETSI EN 319 102-1 §5.2.5: revocation data proves the signer's status only when issued after the (best) signing time.</summary>
    static List<string> Freshness(List<Datum> data, DateTimeOffset signingTime)
    {
        if (data.Any(d => d.Issued >= signingTime))
            return [];
        var newest = data.MaxBy(d => d.Issued)!;
        var gap = signingTime - newest.Issued;
        var span = gap.TotalDays >= 730 ? $"{(int)(gap.TotalDays / 365.25)} years" : gap.TotalDays >= 2 ? $"{(int)gap.TotalDays} days" : $"{(int)gap.TotalHours} hours";
        return [$"The newest {(newest.Kind == "OCSP" ? "OCSP response was produced" : "CRL was issued")} on {newest.Issued:yyyy-MM-dd}, {span} before the signing time ({signingTime:yyyy-MM-dd}): it cannot show the certificate was not revoked when signing."];
    }

    public static CheckOutcome Judge(LevelResult r)
    {
        var level = Wording.Level(r.Reached);
        var status = r.ValidationDataUsable == false ? CheckStatus.Warning : r.Reached == LevelReached.None ? CheckStatus.NotApplicable : CheckStatus.Passed;
        var data = r.ValidationDataUsable switch
        {
            true => (" Dữ liệu xác thực nhúng trong tệp dùng được.", " The embedded validation data is usable."),
            false => (" Tuy nhiên dữ liệu thu hồi nhúng trong tệp không dùng được (không còn mới hoặc không đủ).",
                " The embedded revocation data is not usable, though: " + Wording.Detail(r.ValidationDataProblems)),
            null => ("", ""),
        };
        return new(CheckName.Level, status, new(
            (r.Reached == LevelReached.None ? "Không đạt mức PAdES nào. " : $"Đạt mức {level}. ") + r.Reason.Vi + data.Item1,
            (r.Reached == LevelReached.None ? "No PAdES level. " : $"Level {level}. ") + r.Reason.En + data.Item2));
    }
}
