using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DocService.Pdf;
using DocService.Signing.Validation;

namespace DocService.Cli.Commands;

/// <summary>
/// <c>docsvc verify FILE [--json] [--trust CERT]... [--at TIME]</c>: the auditor's report on a signed PDF.
/// Exit code 0 when every signature is TOTAL_PASSED, 1 when some are INDETERMINATE and none failed,
/// 2 when one failed or there is no signature, 64 (EX_USAGE) when the input cannot be read.
/// </summary>
internal static class VerifyCommand
{
    public const int Passed = 0;
    public const int Indeterminate = 1;
    public const int Failed = 2;
    public const int Unreadable = 64;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The signed PDF" }.MustExist();
        var json = new Option<bool>("--json") { Description = "Print the full report as JSON" };
        var trust = new Option<FileInfo[]>("--trust")
        {
            Description = "A trust anchor certificate (PEM or DER; a PEM file may hold several); repeatable",
            AllowMultipleArgumentsPerToken = false,
        }.MustExist();
        var at = new Option<string?>("--at") { Description = "Validate as of this ISO 8601 time (e.g. 2020-11-01T00:00:00Z)" };
        var online = new Option<bool>("--online") { Description = "Fetch OCSP responses and CRLs named in the certificates" };

        var command = new Command("verify", "Verify every signature of a PDF and report each one") { file, json, trust, at, online };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            DateTimeOffset? time = null;
            if (parse.GetValue(at) is { } text)
            {
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    error.WriteLine($"--at: '{text}' is not an ISO 8601 time.");
                    return Unreadable;
                }
                time = parsed;
            }

            List<X509Certificate2> anchors;
            try
            {
                anchors = (parse.GetValue(trust) ?? []).SelectMany(LoadCertificates).ToList();
            }
            catch (Exception e) when (e is IOException or CryptographicException or UnauthorizedAccessException)
            {
                error.WriteLine($"--trust: {e.Message}");
                return Unreadable;
            }

            var options = new ValidationOptions
            {
                TrustAnchors = anchors,
                ValidationTime = time,
                Revocation = new RevocationPolicy { FetchOnline = parse.GetValue(online) },
            };
            DocumentValidationReport report;
            try
            {
                await using var stream = parse.GetValue(file)!.OpenRead();
                report = await new PdfSignatureValidator(options).ValidateAsync(stream, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PdfException)
            {
                error.WriteLine($"Cannot read {parse.GetValue(file)!.Name}: {e.Message}");
                return Unreadable;
            }

            if (parse.GetValue(json))
                output.WriteLine(ValidationJson.Serialize(report));
            else
                WriteText(output, report);
            return ExitCode(report);
        });
        return command;
    }

    public static int ExitCode(DocumentValidationReport report)
    {
        if (report.Signatures.Count == 0 || report.Signatures.Any(s => s.Indication == Indication.TotalFailed))
            return Failed;
        return report.Signatures.All(s => s.Indication == Indication.TotalPassed) ? Passed : Indeterminate;
    }

    internal static IEnumerable<X509Certificate2> LoadCertificates(FileInfo path)
    {
        var bytes = File.ReadAllBytes(path.FullName);
        if (bytes.AsSpan().IndexOf("-----BEGIN"u8) >= 0)
        {
            var collection = new X509Certificate2Collection();
            collection.ImportFromPemFile(path.FullName);
            return collection;
        }
        return [X509CertificateLoader.LoadCertificate(bytes)];
    }

    static void WriteText(TextWriter output, DocumentValidationReport report)
    {
        output.WriteLine($"{Label(report.Indication, report.SubIndication)}  {report.Message.En}");
        output.WriteLine($"  {report.Message.Vi}");
        output.WriteLine($"  {report.Revisions} revision(s), {report.FileSize} bytes, validated at {report.ValidationTime:u}");
        foreach (var problem in report.Problems)
            output.WriteLine($"  ! {problem}");
        foreach (var s in report.Signatures)
        {
            output.WriteLine();
            output.WriteLine($"[{s.FieldName}] {(s.Kind == SignatureKind.DocumentTimestamp ? "document timestamp" : "signature")}" +
                             $"{(s.SignerName is null ? "" : " by " + s.SignerName)}{(s.Certification ? " (certification)" : "")}");
            output.WriteLine($"  result:        {Label(s.Indication, s.SubIndication)}  {s.Message.En}");
            output.WriteLine($"                 {s.Message.Vi}");
            output.WriteLine($"  integrity:     {(s.Integrity.Valid ? "intact" : "NOT intact")} (ByteRange {(s.Coverage.ByteRangeValid ? "ok" : "invalid")}, digest {(s.Integrity.DigestMatches ? "ok" : "mismatch")}, signature {(s.Integrity.SignatureVerifies ? "ok" : "fails")}; {s.Integrity.DigestAlgorithm}/{s.Integrity.SignatureAlgorithm})");
            foreach (var reason in s.Integrity.Reasons)
                output.WriteLine($"                 - {reason}");
            foreach (var warning in s.Integrity.Warnings)
                output.WriteLine($"                 ~ {warning}");
            output.WriteLine($"  coverage:      {s.Coverage.Coverage}{(s.Coverage.Coverage == Coverage.Revision ? $" {s.Coverage.CoveredRevision} of {report.Revisions}" : "")}");
            output.WriteLine($"  changes after: {s.Modifications.Level} ({(s.Modifications.Permitted ? "permitted" : "NOT permitted")})");
            foreach (var finding in s.Modifications.Findings.Where(f => f.Level > ModificationLevel.None))
                output.WriteLine($"                 - rev {finding.Revision}: {finding.Level}: {finding.Description}");
            if (s.Modifications.Attacks.Count > 0)
                output.WriteLine($"  attacks:       {string.Join(", ", s.Modifications.Attacks)}");
            output.WriteLine($"  trust:         {s.Trust.Status}{(s.Trust.Chain.Count > 0 ? " — " + string.Join(" → ", s.Trust.Chain.Select(c => c.Subject)) : "")}");
            foreach (var reason in s.Trust.Reasons)
                output.WriteLine($"                 - {reason}");
            output.WriteLine($"  revocation:    {s.Revocation.Status}");
            foreach (var reason in s.Revocation.Reasons)
                output.WriteLine($"                 - {reason}");
            output.WriteLine($"  time:          best {s.Timestamps.BestSignatureTime:u} ({s.Timestamps.BestSignatureTimeSource}){(s.ClaimedSigningTime is { } claimed ? $", claimed {claimed:u}" : "")}");
            output.WriteLine($"  level:         {Level(s.Level.Reached)} — {s.Level.Reason.En}");
            foreach (var problem in s.Level.ValidationDataProblems)
                output.WriteLine($"                 ~ {problem}");
            output.WriteLine($"  why:           {s.Reason.En}");
            foreach (var warning in s.Warnings)
                output.WriteLine($"  ! {warning.En}");
        }
    }

    static string Label(Indication indication, SubIndication? sub) => indication switch
    {
        Indication.TotalPassed => "TOTAL_PASSED",
        Indication.Indeterminate => "INDETERMINATE",
        _ => "TOTAL_FAILED",
    } + (sub is { } s ? "/" + System.Text.Json.JsonSerializer.Serialize(s).Trim('"') : "");

    static string Level(LevelReached level) => System.Text.Json.JsonSerializer.Serialize(level).Trim('"');
}
