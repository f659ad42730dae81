using System.Globalization;
using System.Xml.Linq;

namespace DocService.Signing.Validation.Reports;

/// <summary>
/// The report as an ETSI TS 119 102-2 validation report (XML, namespace v1.2.1): one
/// SignatureValidationReport per signature with its identifier, the checks as validation
/// constraints, the validation and best signature times, the signer, the process (B, T or LTA by
/// level) and the main and sub-indication as ETSI URIs.
/// </summary>
public static class EtsiValidationReport
{
    static readonly XNamespace Etsi = "http://uri.etsi.org/19102/v1.2.1#";
    static readonly XNamespace Ds = "http://www.w3.org/2000/09/xmldsig#";

    public static XDocument From(DocumentValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(Etsi + "ValidationReport",
                new XAttribute(XNamespace.Xmlns + "ds", Ds),
                report.Signatures.Select((s, i) => Signature(s, i + 1, report.ValidationTime)),
                Certificates(report)));
    }

    /// <summary>The signers' certificates as validation objects, named by SHA-256, for the signer information to refer to.</summary>
    static XElement? Certificates(DocumentValidationReport report)
    {
        var objects = report.Signatures.Select((s, i) => (Number: i + 1, Certificate: s.Trust.Chain.FirstOrDefault()))
            .Where(c => c.Certificate is not null)
            .Select(c => new XElement(Etsi + "ValidationObject", new XAttribute("id", $"certificate-{c.Number}"),
                new XElement(Etsi + "ObjectType", "urn:etsi:019102:validationObject:certificate"),
                new XElement(Etsi + "ValidationObjectRepresentation",
                    new XElement(Etsi + "DigestAlgAndValue",
                        new XElement(Ds + "DigestMethod", new XAttribute("Algorithm", "http://www.w3.org/2001/04/xmlenc#sha256")),
                        new XElement(Ds + "DigestValue", Convert.ToBase64String(Convert.FromHexString(c.Certificate!.Sha256Thumbprint)))))))
            .ToList();
        return objects.Count == 0 ? null : new XElement(Etsi + "SignatureValidationObjects", objects);
    }

    static XElement Signature(SignatureValidationReport s, int number, DateTimeOffset validationTime) =>
        new(Etsi + "SignatureValidationReport",
            new XElement(Etsi + "SignatureIdentifier", new XAttribute("id", $"signature-{number}"),
                new XElement(Etsi + "HashOnly", "false"),
                new XElement(Etsi + "DocHashOnly", "false"),
                new XElement(Etsi + "DAIdentifier", s.FieldName)),
            new XElement(Etsi + "ValidationConstraintsEvaluationReport",
                s.Checks.Select(c => new XElement(Etsi + "ValidationConstraint",
                    new XElement(Etsi + "ValidationConstraintIdentifier", $"urn:docservice:check:{c.Check.ToString().ToLowerInvariant()}"),
                    new XElement(Etsi + "ConstraintStatus",
                        new XElement(Etsi + "Status", c.Status == CheckStatus.NotApplicable ? "urn:etsi:019102:constraintStatus:disabled" : "urn:etsi:019102:constraintStatus:applied")),
                    c.Status == CheckStatus.NotApplicable ? null : new XElement(Etsi + "ValidationStatus",
                        new XElement(Etsi + "MainIndication", MainIndication(c.Status)),
                        new XElement(Etsi + "AssociatedValidationReportData",
                            new XElement(Etsi + "AdditionalValidationReportData",
                                new XElement(Etsi + "ReportData",
                                    new XElement(Etsi + "Type", "urn:docservice:message:en"),
                                    new XElement(Etsi + "Value", c.Message.En)),
                                new XElement(Etsi + "ReportData",
                                    new XElement(Etsi + "Type", "urn:docservice:message:vi"),
                                    new XElement(Etsi + "Value", c.Message.Vi)))))))),
            new XElement(Etsi + "ValidationTimeInfo",
                new XElement(Etsi + "ValidationTime", Time(validationTime)),
                new XElement(Etsi + "BestSignatureTime",
                    new XElement(Etsi + "POETime", Time(s.Timestamps.BestSignatureTime)),
                    new XElement(Etsi + "TypeOfProof", s.Timestamps.BestSignatureTimeSource == BestTimeSource.ValidationTime
                        ? "urn:etsi:019102:poetype:validation" : "urn:etsi:019102:poetype:provided"))),
            s.ClaimedSigningTime is { } claimed
                ? new XElement(Etsi + "SignatureAttributes",
                    new XElement(Etsi + "SigningTime", new XAttribute("Signed", "true"), new XElement(Etsi + "Time", Time(claimed))))
                : null,
            s.SignerName is { } signer && s.Trust.Chain.Count > 0
                ? new XElement(Etsi + "SignerInformation",
                    new XElement(Etsi + "SignerCertificate", new XAttribute("VOReference", $"certificate-{number}")),
                    new XElement(Etsi + "Signer", signer))
                : null,
            new XElement(Etsi + "SignatureValidationProcess",
                new XElement(Etsi + "SignatureValidationProcessID", s.Level.Reached switch
                {
                    LevelReached.BLTA => "urn:etsi:019102:validationprocess:LTA",
                    LevelReached.BT or LevelReached.BLT => "urn:etsi:019102:validationprocess:LTVM",
                    _ => "urn:etsi:019102:validationprocess:Basic",
                })),
            new XElement(Etsi + "SignatureValidationStatus",
                new XElement(Etsi + "MainIndication", s.Indication switch
                {
                    Indication.TotalPassed => "urn:etsi:019102:mainindication:total-passed",
                    Indication.TotalFailed => "urn:etsi:019102:mainindication:total-failed",
                    _ => "urn:etsi:019102:mainindication:indeterminate",
                }),
                s.SubIndication is { } sub
                    ? new XElement(Etsi + "SubIndication", "urn:etsi:019102:subindication:" + System.Text.Json.JsonSerializer.Serialize(sub).Trim('"'))
                    : null,
                new XElement(Etsi + "AssociatedValidationReportData",
                    new XElement(Etsi + "AdditionalValidationReportData",
                        new XElement(Etsi + "ReportData",
                            new XElement(Etsi + "Type", "urn:docservice:reason:en"),
                            new XElement(Etsi + "Value", s.Reason.En))))));

    static string MainIndication(CheckStatus status) => status switch
    {
        CheckStatus.Passed or CheckStatus.Warning => "urn:etsi:019102:mainindication:passed",
        CheckStatus.Failed => "urn:etsi:019102:mainindication:failed",
        _ => "urn:etsi:019102:mainindication:indeterminate",
    };

    static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
