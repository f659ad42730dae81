using System.Text.RegularExpressions;

namespace DocService.Signing.Tests.Support;

/// <summary>Poppler's pdfsig (NSS underneath): the independent verdict on every signature we make.</summary>
public static partial class Pdfsig
{
    static readonly Lazy<string> TrustStore = new(CreateTrustStore);

    /// <summary>Per signature, in file order: "Signature is Valid." and the like.</summary>
    public static async Task<IReadOnlyList<string>> SignatureVerdictsAsync(string pdfPath)
    {
        var result = await ExternalTool.RunAsync("pdfsig", "-nocert", pdfPath);
        return SignatureValidation().Matches(result.Output).Select(m => m.Groups[1].Value.Trim()).ToList();
    }

    /// <summary>
    /// pdfsig's full report with NSS trusting only the development root. Online OCSP is off: the
    /// development certificates name a responder on 127.0.0.1 that revocation tests start themselves.
    /// </summary>
    public static async Task<string> ReportWithDevelopmentRootAsync(string pdfPath)
    {
        ExternalTool.Require("certutil");
        var result = await ExternalTool.RunAsync("pdfsig", "-no-ocsp", "-nssdir", "sql:" + TrustStore.Value, pdfPath);
        return result.Output;
    }

    static string CreateTrustStore()
    {
        var directory = Path.Combine(Path.GetTempPath(), "docservice-nss-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        ExternalTool.RunAsync("certutil", "-N", "-d", "sql:" + directory, "--empty-password").GetAwaiter().GetResult();
        ExternalTool.RunAsync("certutil", "-A", "-d", "sql:" + directory, "-n", "DocService dev root", "-t", "CT,C,C", "-i", DevPki.RootCertificatePath)
            .GetAwaiter().GetResult();
        return directory;
    }

    [GeneratedRegex(@"- Signature Validation: (.*)")]
    private static partial Regex SignatureValidation();
}
