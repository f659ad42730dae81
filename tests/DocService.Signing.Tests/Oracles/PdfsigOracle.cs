using System.Text.RegularExpressions;
using DocService.Signing.Tests.Support;

namespace DocService.Signing.Tests.Oracles;

/// <summary>What poppler's pdfsig said about one signature (with -nocert: the signature itself, not the trust in it).</summary>
/// <param name="Valid">"Signature is Valid."</param>
/// <param name="Whole">"Total document signed" (vs "Not total document signed"); null when pdfsig does not say.</param>
public sealed record PdfsigVerdict(string Field, string Validation, bool Valid, bool? Whole);

public static partial class PdfsigOracle
{
    /// <summary>Every signature pdfsig finds, in its order; empty when it finds none.</summary>
    public static async Task<IReadOnlyList<PdfsigVerdict>> VerifyAsync(string file)
    {
        var result = await ExternalTool.RunAsync("pdfsig", "-nocert", file);
        return SignatureBlock().Split(result.Output).Skip(1).Select(block =>
        {
            var validation = Validation().Match(block).Groups[1].Value.Trim();
            bool? whole = block.Contains("- Total document signed", StringComparison.Ordinal) ? true
                : block.Contains("- Not total document signed", StringComparison.Ordinal) ? false : null;
            return new PdfsigVerdict(FieldName().Match(block).Groups[1].Value.Trim(), validation, validation == "Signature is Valid.", whole);
        }).ToList();
    }

    [GeneratedRegex(@"^Signature #\d+:", RegexOptions.Multiline)]
    private static partial Regex SignatureBlock();

    [GeneratedRegex(@"- Signature Validation: (.*)")]
    private static partial Regex Validation();

    [GeneratedRegex(@"- Signature Field Name: (.*)")]
    private static partial Regex FieldName();
}
