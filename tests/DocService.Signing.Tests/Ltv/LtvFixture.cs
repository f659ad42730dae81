using System.Security.Cryptography;
using System.Text;
using DocService.Pdf.Document;
using DocService.Pdf.Objects;
using DocService.Signing.Cms;
using DocService.Signing.Ltv;
using DocService.Signing.Pades;
using DocService.Signing.Tests.Pades;
using DocService.Signing.Tests.Support;
using DocService.Signing.Tests.Validation;
using DocService.Signing.Validation;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using PkcsObjectIdentifiers = Org.BouncyCastle.Asn1.Pkcs.PkcsObjectIdentifiers;

namespace DocService.Signing.Tests.Ltv;

/// <summary>
/// Signing and extension with the in-process development TSA and real revocation servers
/// (<c>openssl ocsp</c> answering for the signers and the TSA, the CRL over HTTP).
/// </summary>
internal sealed class LtvFixture : IDisposable
{
    const string OcspUrl = "http://localhost:5080/api/v1/dev/ocsp";
    const string CrlUrl = "http://localhost:5080/api/v1/dev/crl/issuing-ca.crl";

    public RevocationServers Servers { get; } = new();
    public TempDirectory Files { get; } = new();

    public void Dispose()
    {
        Servers.Dispose();
        Files.Dispose();
    }

    public Task StartOcspAsync() => Servers.StartOcspAsync(("official-rsa2048", null), ("organisation", null), ("tsa", null));

    /// <summary>What the LTV extender trusts and where it fetches (the responders actually started).</summary>
    public ValidationOptions FetchOptions() => ValidationFixtures.DevOptions() with
    {
        Revocation = new RevocationPolicy
        {
            FetchOnline = true,
            Timeout = TimeSpan.FromSeconds(3),
            UrlOverrides = new Dictionary<string, string>
            {
                [OcspUrl] = $"http://127.0.0.1:{(Servers.OcspPort == 0 ? RevocationServers.DeadPort() : Servers.OcspPort)}/ocsp",
                [CrlUrl] = $"http://127.0.0.1:{(Servers.CrlPort == 0 ? RevocationServers.DeadPort() : Servers.CrlPort)}/crl/issuing-ca.crl",
            },
        },
    };

    public LevelExtender Extender() => new(new DocumentTimestamper(Tsa.Client), new LtvExtender(FetchOptions()));

    public PadesSigner Signer() => new(new CmsSignatureBuilder(), Tsa.Client, Extender());

    public async Task<byte[]> SignAsync(PadesLevel level, byte[]? input = null, string key = "official-rsa2048")
    {
        using var source = new MemoryStream(input ?? TestPdfs.Simple(), writable: false);
        using var output = new MemoryStream();
        var options = SignedPdf.NewField("Signature1") with { Level = level, SigningTime = DateTimeOffset.UtcNow };
        await Signer().SignAsync(source, output, DevPki.Signer(key), options, TestContext.Current.CancellationToken);
        return output.ToArray();
    }

    public async Task<byte[]> ExtendAsync(byte[] input, PadesLevel level)
    {
        using var source = new MemoryStream(input, writable: false);
        using var output = new MemoryStream();
        await Extender().ExtendAsync(source, output, level, TestContext.Current.CancellationToken);
        return output.ToArray();
    }

    /// <summary>Each signature field's CMS (or token), trimmed of its zero padding, by field name.</summary>
    public static IReadOnlyList<(string Field, bool DocumentTimestamp, long[] ByteRange, byte[] Cms)> Signatures(byte[] pdf)
    {
        var document = PdfDocument.Open(new MemoryStream(pdf));
        return document.Fields.Where(f => f.IsSigned).Select(f =>
        {
            var dictionary = (PdfDictionary)f.Value!;
            var range = ((PdfArray)dictionary["ByteRange"]!).Select(v => ((PdfInteger)v).Value).ToArray();
            var hex = Encoding.ASCII.GetString(pdf, (int)range[1] + 1, (int)(range[2] - range[1] - 2));
            using var input = new Asn1InputStream(Convert.FromHexString(hex));
            var cms = input.ReadObject().GetEncoded(Asn1Encodable.Der);
            return (f.FullName, dictionary["Type"] is PdfName { Value: "DocTimeStamp" }, range, cms);
        }).ToList();
    }

    /// <summary>The bytes a signature's ByteRange covers.</summary>
    public static byte[] Covered(byte[] pdf, long[] range) =>
        [.. pdf.AsSpan((int)range[0], (int)range[1]), .. pdf.AsSpan((int)range[2], (int)range[3])];

    /// <summary>The signature timestamp token in a signature's CMS.</summary>
    public static byte[] SignatureTimestampToken(byte[] cms)
    {
        var signedData = SignedData.GetInstance(ContentInfo.GetInstance(Asn1Object.FromByteArray(cms)).Content);
        var signerInfo = SignerInfo.GetInstance(signedData.SignerInfos[0]);
        var attribute = signerInfo.UnsignedAttrs!.OfType<Asn1Encodable>().Select(Org.BouncyCastle.Asn1.Cms.Attribute.GetInstance)
            .Single(a => a.AttrType.Equals(PkcsObjectIdentifiers.IdAASignatureTimeStampToken));
        return attribute.AttrValues[0].GetEncoded(Asn1Encodable.Der);
    }

    /// <summary>The DSS streams of the final revision, decoded.</summary>
    public static (IReadOnlyList<byte[]> Certs, IReadOnlyList<byte[]> Ocsps, IReadOnlyList<byte[]> Crls) Dss(byte[] pdf)
    {
        var document = PdfDocument.Open(new MemoryStream(pdf));
        var dss = document.Get<PdfDictionary>(document.Catalog, new PdfName("DSS"))!;
        List<byte[]> Read(string key) => (document.Get<PdfArray>(dss, new PdfName(key)) ?? PdfArray.Empty)
            .Select(e => document.DecodeStream((PdfStream)document.Resolve(e)!)).ToList();
        return (Read("Certs"), Read("OCSPs"), Read("CRLs"));
    }

    public static byte[] Sha256(byte[] data) => SHA256.HashData(data);
}
