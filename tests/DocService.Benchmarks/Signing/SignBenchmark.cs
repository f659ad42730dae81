using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using DocService.Pdf.Objects;
using DocService.Signing;
using DocService.Signing.Cms;
using DocService.Signing.Keys;
using DocService.Signing.Pades;

namespace DocService.Benchmarks.Signing;

/// <summary>
/// Signs 1 MB and 50 MB PDFs (PAdES B-B, a visible-size new field) with RSA-2048 and ECDSA P-256,
/// in process, against poppler's <c>pdfsig -add-signature</c> (NSS) on the same files as the peer.
/// Target (DESIGN §12): ≥ 800 signatures/s per core at 1 MB, and allocations that do not grow with
/// the file. Output goes to a reused temp file, as the service signs into one.
/// Run: <c>dotnet run -c Release --project tests/DocService.Benchmarks -- --filter '*SignBenchmark*'</c>
/// </summary>
[MemoryDiagnoser]
public class SignBenchmark
{
    string _input = "";
    string _output = "";
    string _nssDirectory = "";
    Pkcs12Signer _signer = null!;
    readonly PadesSigner _pades = new(new CmsSignatureBuilder());

    [Params(1, 50)]
    public int Megabytes { get; set; }

    [Params("official-rsa2048", "official-ecdsa-p256")]
    public string Key { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var directory = Directory.CreateTempSubdirectory("docservice-bench-").FullName;
        _input = Path.Combine(directory, "input.pdf");
        _output = Path.Combine(directory, "output.pdf");
        BenchmarkPdfs.Write(_input, Megabytes);
        var certsDev = CertsDev();
        _signer = Pkcs12Signer.Open(Path.Combine(certsDev, Key + ".p12"), "dev-password");
        _nssDirectory = Path.Combine(directory, "nss");
        Directory.CreateDirectory(_nssDirectory);
        Run("certutil", "-N", "-d", "sql:" + _nssDirectory, "--empty-password");
        Run("pk12util", "-i", Path.Combine(certsDev, Key + ".p12"), "-d", "sql:" + _nssDirectory, "-W", "dev-password");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _signer.Dispose();
        Directory.Delete(Path.GetDirectoryName(_input)!, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public async Task<long> DocServiceInProcess()
    {
        await using var input = new FileStream(_input, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);
        await using var output = new FileStream(_output, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920);
        await _pades.SignAsync(input, output, _signer, new PadesSignatureOptions
        {
            FieldName = "Signature1",
            Placement = new FieldPlacement(0, new PdfRectangle(350, 100, 530, 160)),
            SigningTime = DateTimeOffset.UnixEpoch,
        }, CancellationToken.None);
        return output.Length;
    }

    [Benchmark]
    public void PopplerPdfsigAddSignature()
    {
        File.Delete(_output);
        Run("pdfsig", "-nssdir", "sql:" + _nssDirectory, "-add-signature", "-nick", _signer.Certificate.GetNameInfo(
            System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false) + " - DocService Development", _input, _output);
    }

    static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} failed with exit code {process.ExitCode}.");
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
