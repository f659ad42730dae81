using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using DocService.Pdf.Objects;
using DocService.Signing.Cms;
using DocService.Signing.Keys;
using DocService.Signing.Pades;
using DocService.Signing.Validation;

namespace DocService.Benchmarks.Signing;

/// <summary>
/// Verifies a 1 MB PDF with one and with three RSA-2048 signatures, in process (the full report:
/// ByteRange, CMS, modifications, chain; revocation fetching off), against poppler's
/// <c>pdfsig -nocert</c> on the same file as the peer.
/// Target (DESIGN §12): ≥ 800 verifications/s per core for one signature of a 1 MB PDF.
/// Run: <c>dotnet run -c Release --project tests/DocService.Benchmarks -- --filter '*VerifyBenchmark*'</c>
/// </summary>
[MemoryDiagnoser]
public class VerifyBenchmark
{
    string _path = "";
    byte[] _pdf = [];
    PdfSignatureValidator _validator = null!;

    [Params(1, 3)]
    public int Signatures { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        var directory = Directory.CreateTempSubdirectory("docservice-verify-bench-").FullName;
        var input = Path.Combine(directory, "input.pdf");
        BenchmarkPdfs.Write(input, 1);
        var certsDev = CertsDev();
        using var signer = Pkcs12Signer.Open(Path.Combine(certsDev, "official-rsa2048.p12"), "dev-password");
        var pades = new PadesSigner(new CmsSignatureBuilder());
        var pdf = await File.ReadAllBytesAsync(input);
        for (var i = 0; i < Signatures; i++)
        {
            using var source = new MemoryStream(pdf, writable: false);
            using var output = new MemoryStream();
            await pades.SignAsync(source, output, signer, new PadesSignatureOptions
            {
                FieldName = $"Signature{i + 1}",
                Placement = new FieldPlacement(0, new PdfRectangle(50 + 160 * i, 100, 200 + 160 * i, 160)),
                SigningTime = DateTimeOffset.UtcNow,
            }, CancellationToken.None);
            pdf = output.ToArray();
        }
        _pdf = pdf;
        _path = Path.Combine(directory, "signed.pdf");
        await File.WriteAllBytesAsync(_path, pdf);
        _validator = new PdfSignatureValidator(new ValidationOptions
        {
            TrustAnchors = [X509CertificateLoader.LoadCertificateFromFile(Path.Combine(certsDev, "root.crt"))],
        });
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);

    [Benchmark(Baseline = true)]
    public async Task<Indication> DocServiceInProcess()
    {
        using var stream = new MemoryStream(_pdf, 0, _pdf.Length, writable: false, publiclyVisible: true);
        return (await _validator.ValidateAsync(stream)).Indication;
    }

    [Benchmark]
    public async Task<Indication> DocServiceFromFile()
    {
        await using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);
        return (await _validator.ValidateAsync(stream)).Indication;
    }

    [Benchmark]
    public void PopplerPdfsig()
    {
        var start = new ProcessStartInfo("pdfsig") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-nocert");
        start.ArgumentList.Add(_path);
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
    }

    static string CertsDev()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "certs-dev", "index.json")))
                return Path.Combine(directory.FullName, "certs-dev");
        }
        throw new InvalidOperationException("certs-dev not found above " + AppContext.BaseDirectory);
    }
}
