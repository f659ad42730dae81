namespace DocService.Signing.Validation.Reports;

/// <summary>
/// The simple report, as EU DSS gives one beside the detailed report: the document's bottom line
/// and one line per signature — who signed, when, the indication and why.
/// </summary>
public sealed record SimpleValidationReport(
    Indication Indication,
    LocalizedMessage Message,
    DateTimeOffset ValidationTime,
    int SignaturesCount,
    int ValidSignaturesCount,
    IReadOnlyList<SimpleSignatureLine> Signatures)
{
    public static SimpleValidationReport From(DocumentValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = report.Signatures.Select((s, i) => new SimpleSignatureLine(
            i + 1, s.FieldName, s.Kind, s.SignerName, s.Timestamps.BestSignatureTime, s.Timestamps.BestSignatureTimeSource != BestTimeSource.ValidationTime,
            s.ClaimedSigningTime, s.Indication, s.SubIndication, Wording.Level(s.Level.Reached), s.Reason)).ToList();
        return new(report.Indication, report.Message, report.ValidationTime, lines.Count,
            lines.Count(l => l.Indication == Indication.TotalPassed), lines);
    }

    /// <summary>The report as lines for people, in one language.</summary>
    public IEnumerable<string> Lines(ReportLanguage language) => Signatures.Select(s => s.Line(language));
}

/// <summary>One signature in a line.</summary>
/// <remarks>
/// <para><c>SigningTime</c>: the best signature time; <c>SigningTimeProven</c> says whether a trusted timestamp proves it (else it is the validation time).</para>
/// <para><c>ClaimedSigningTime</c>: what the signer's own clock said (not a proof).</para>
/// <para><c>Why</c>: the check that decided the indication, in its words.</para>
/// </remarks>
public sealed record SimpleSignatureLine(
    int Number,
    string FieldName,
    SignatureKind Kind,
    string? SignedBy,
    DateTimeOffset SigningTime,
    bool SigningTimeProven,
    DateTimeOffset? ClaimedSigningTime,
    Indication Indication,
    SubIndication? SubIndication,
    string Level,
    LocalizedMessage Why)
{
    public string Line(ReportLanguage language)
    {
        var english = language == ReportLanguage.English;
        var who = SignedBy ?? (english ? "unknown signer" : "không rõ người ký");
        var what = Kind == SignatureKind.DocumentTimestamp ? (english ? "document timestamp" : "dấu thời gian tài liệu") : who;
        var when = SigningTimeProven ? Wording.Time(SigningTime, language)
            : ClaimedSigningTime is { } claimed ? Wording.Time(claimed, language) + (english ? " (claimed by the signer)" : " (theo đồng hồ người ký)")
            : english ? "time not proven" : "không có thời điểm được chứng minh";
        var level = Level == "—" ? "" : $", {Level}";
        return $"{Number}. {what} — {when} — {Wording.Indication(Indication, language)}{level} — {(english ? Why.En : Why.Vi)}";
    }
}
