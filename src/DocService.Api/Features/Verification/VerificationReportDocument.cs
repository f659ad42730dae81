using DocService.Drafting.Reports;
using DocService.Signing.Validation;
using DocService.Signing.Validation.Reports;

namespace DocService.Api.Features.Verification;

/// <summary>
/// The validation report written out for people, in Vietnamese or English: the bottom line, the
/// simple report (one line per signature), then per signature who signed with which certificate
/// (issuer, serial, validity, chain), the timestamps and their TSA, the level, each check's
/// conclusion, and the changes after signing grouped by meaning. No enum names, times in Vietnam time.
/// </summary>
internal static class VerificationReportDocument
{
    public static ReportDocument Describe(VerificationResponse r, ReportLanguage language)
    {
        var en = language == ReportLanguage.English;
        var report = r.Report;
        var simple = SimpleValidationReport.From(report);
        List<ReportSection> sections =
        [
            new(en ? "Summary" : "Tóm tắt", [.. simple.Lines(language)]),
            .. r.Signatures.Select((s, i) => Signature(s, i + 1, language)),
        ];
        if (r.Problems.Count > 0)
            sections.Add(new(en ? "Other problems" : "Vấn đề khác", r.Problems));
        return new(
            en ? "SIGNATURE VALIDATION REPORT" : "BÁO CÁO XÁC THỰC CHỮ KÝ SỐ",
            [
                en ? $"File: {r.FileName} ({r.Size:N0} bytes, SHA-256 {r.Sha256})" : $"Tệp: {r.FileName} ({r.Size:N0} byte, SHA-256 {r.Sha256})",
                en ? $"Validated at: {Wording.Time(r.ValidationTime, language)}; revisions: {r.Revisions}"
                    : $"Thời điểm xác thực: {Wording.Time(r.ValidationTime, language)}; số phiên bản: {r.Revisions}",
                (en ? "Conclusion: " : "Kết luận: ") + $"{Wording.Indication(r.Indication, language)} — {(en ? r.Message.En : r.Message.Vi)}",
                en ? $"Signatures: {simple.SignaturesCount}, valid: {simple.ValidSignaturesCount}" : $"Số chữ ký: {simple.SignaturesCount}, hợp lệ: {simple.ValidSignaturesCount}",
            ],
            sections);
    }

    static ReportSection Signature(SignatureValidationReport s, int number, ReportLanguage language)
    {
        var en = language == ReportLanguage.English;
        var kind = s.Kind == SignatureKind.DocumentTimestamp
            ? en ? "Document timestamp" : "Dấu thời gian tài liệu"
            : s.Certification ? en ? "Certification signature" : "Chữ ký chứng nhận" : en ? "Signature" : "Chữ ký";
        var lines = new List<string>
        {
            (en ? "Result: " : "Kết quả: ") + $"{Wording.Indication(s.Indication, language)} — {(en ? s.Reason.En : s.Reason.Vi)}",
            (en ? "Signed by: " : "Người ký: ") + (s.SignerName ?? (en ? "unknown" : "không rõ")),
        };
        if (s.ClaimedSigningTime is { } claimed)
            lines.Add((en ? "Signing time claimed by the signer: " : "Thời điểm ký theo đồng hồ người ký: ") + Wording.Time(claimed, language));
        lines.Add((en ? "Proven signing time: " : "Thời điểm ký được chứng minh: ") + (s.Timestamps.BestSignatureTimeSource == BestTimeSource.ValidationTime
            ? en ? "none (no trusted timestamp)" : "không có (không có dấu thời gian được tin cậy)"
            : Wording.Time(s.Timestamps.BestSignatureTime, language)));
        if (s.Trust.Chain.FirstOrDefault() is { } certificate)
        {
            lines.Add(en
                ? $"Certificate: issued by {certificate.Issuer}; serial {certificate.SerialNumber}; valid from {Wording.Time(certificate.NotBefore, language)} to {Wording.Time(certificate.NotAfter, language)}"
                : $"Chứng thư số: do {certificate.Issuer} cấp; số hiệu {certificate.SerialNumber}; hiệu lực từ {Wording.Time(certificate.NotBefore, language)} đến {Wording.Time(certificate.NotAfter, language)}");
            lines.Add((en ? "Certificate chain: " : "Chuỗi chứng thư: ") + string.Join(" → ", s.Trust.Chain.Select(c => c.Subject)));
        }
        if (s.Timestamps.SignatureTimestamp is { } tst)
            lines.Add((en ? "Timestamp authority (TSA): " : "Đơn vị cấp dấu thời gian (TSA): ") + (tst.TsaName ?? (en ? "unknown" : "không rõ"))
                + (tst.Time is { } at ? (en ? ", at " : ", lúc ") + Wording.Time(at, language) : ""));
        foreach (var document in s.Timestamps.DocumentTimestamps)
            lines.Add((en ? $"Document timestamp \"{document.FieldName}\": " : $"Dấu thời gian tài liệu \"{document.FieldName}\": ")
                + (document.TsaName ?? (en ? "unknown TSA" : "TSA không rõ")) + (document.Time is { } at ? (en ? ", at " : ", lúc ") + Wording.Time(at, language) : ""));
        lines.Add((en ? "PAdES level: " : "Mức PAdES: ") + Wording.Level(s.Level.Reached));
        lines.AddRange(s.Checks.Select(c => $"• {Wording.Check(c.Check, language)} ({Wording.Status(c.Status, language)}): {(en ? c.Message.En : c.Message.Vi)}"));
        lines.AddRange(s.Modifications.Groups.Select(g => (en ? "   – " : "   – ") + (en ? g.Summary.En : g.Summary.Vi)));
        lines.AddRange(s.Warnings.Select(w => "! " + (en ? w.En : w.Vi)));
        return new($"{kind} {number}: {s.FieldName}", lines);
    }
}
