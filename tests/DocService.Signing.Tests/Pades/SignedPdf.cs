using DocService.Pdf.Objects;
using DocService.Signing.Cms;
using DocService.Signing.Pades;
using DocService.Signing.Tests.Support;

namespace DocService.Signing.Tests.Pades;

/// <summary>Signs bytes with a development key and keeps the result on disk for the external tools.</summary>
internal static class SignedPdf
{
    public static readonly PadesSigner Signer = new(new CmsSignatureBuilder());

    public static async Task<byte[]> SignAsync(byte[] input, PadesSignatureOptions options, string key = "official-rsa2048", SignatureAlgorithm? algorithm = null)
    {
        using var source = new MemoryStream(input, writable: false);
        using var output = new MemoryStream();
        await Signer.SignAsync(source, output, DevPki.Signer(key, algorithm), options, TestContext.Current.CancellationToken);
        return output.ToArray();
    }

    public static PadesSignatureOptions NewField(string name, DocMdpPermission? certify = null) => new()
    {
        FieldName = name,
        Placement = new FieldPlacement(0, new PdfRectangle(300, 100, 500, 160)),
        Certify = certify,
        Reason = "Phê duyệt",
        Location = "Nghệ An",
        SigningTime = new DateTimeOffset(2026, 11, 26, 9, 30, 0, TimeSpan.FromHours(7)),
    };
}
