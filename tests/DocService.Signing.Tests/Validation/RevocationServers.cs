using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using DocService.Signing.Tests.Support;

namespace DocService.Signing.Tests.Validation;

/// <summary>
/// A real <c>openssl ocsp</c> responder (the delegated development responder, index written by the
/// test) and a CRL served over HTTP, both on free loopback ports, stopped when disposed.
/// </summary>
internal sealed class RevocationServers : IDisposable
{
    readonly TempDirectory _files = new();
    Process? _ocsp;
    HttpListener? _crl;

    readonly System.Text.StringBuilder _log = new();

    /// <summary>What the responder printed, for failure messages.</summary>
    public string OcspLog
    {
        get
        {
            lock (_log)
                return _log.ToString();
        }
    }

    public int OcspPort { get; private set; }
    public int CrlPort { get; private set; }

    /// <summary>A port nothing listens on (bound and released), for "responder down".</summary>
    public static int DeadPort() => FreePort();

    /// <summary>Starts the responder; each line is (certificate name, revoked at or null for good).</summary>
    public async Task StartOcspAsync(params (string Name, DateTimeOffset? RevokedAt)[] entries)
    {
        ExternalTool.Require("openssl");
        var index = string.Join("", entries.Select(e => IndexLine(DevPki.Certificate(e.Name), e.RevokedAt)));
        File.WriteAllText(Path.Combine(_files.Path, "index.txt"), index);
        File.WriteAllText(Path.Combine(_files.Path, "index.txt.attr"), "unique_subject = no\n");
        using (var responder = X509CertificateLoader.LoadPkcs12(DevPki.Pkcs12("ocsp"), DevPki.Password, X509KeyStorageFlags.Exportable))
        {
            File.WriteAllText(Path.Combine(_files.Path, "ocsp.crt"), responder.ExportCertificatePem());
            File.WriteAllText(Path.Combine(_files.Path, "ocsp.key"), responder.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        }
        for (var attempt = 0; attempt < 5; attempt++)
        {
            OcspPort = FreePort();
            var start = new ProcessStartInfo("openssl")
            {
                WorkingDirectory = _files.Path,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "ocsp", "-index", "index.txt", "-port", OcspPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-rsigner", "ocsp.crt",
                         "-rkey", "ocsp.key", "-CA", DevPki.CertificatePath("issuing-ca"), "-nmin", "10", "-ignore_err" })
                start.ArgumentList.Add(argument);
            _ocsp = Process.Start(start)!;
            _ocsp.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
            _ocsp.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
            _ocsp.BeginOutputReadLine();
            _ocsp.BeginErrorReadLine();
            // Wait for its own "waiting for OCSP client connections" line: a probe connection would
            // occupy the single-threaded responder.
            for (var i = 0; i < 50 && !OcspLog.Contains("waiting for OCSP client connections", StringComparison.Ordinal) && !_ocsp.HasExited; i++)
                await Task.Delay(100);
            if (OcspLog.Contains("waiting for OCSP client connections", StringComparison.Ordinal))
                return;
            Stop(_ocsp);
        }
        throw new InvalidOperationException("openssl ocsp did not start listening.");
    }

    /// <summary>Serves certs-dev/issuing-ca.crl (which lists the revoked certificate) at /crl/issuing-ca.crl.</summary>
    public void StartCrl()
    {
        var crl = File.ReadAllBytes(Path.Combine(DevPki.Directory, "issuing-ca.crl"));
        for (var attempt = 0; ; attempt++)
        {
            CrlPort = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{CrlPort}/");
            try
            {
                listener.Start();
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                continue;
            }
            _crl = listener;
            break;
        }
        _ = Task.Run(async () =>
        {
            while (_crl.IsListening)
            {
                try
                {
                    var context = await _crl.GetContextAsync();
                    context.Response.ContentType = "application/pkix-crl";
                    await context.Response.OutputStream.WriteAsync(crl);
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
            }
        });
    }

    public void Dispose()
    {
        if (_ocsp is not null)
            Stop(_ocsp);
        _crl?.Close();
        _files.Dispose();
    }

    static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        process.Dispose();
    }

    static string IndexLine(X509Certificate2 certificate, DateTimeOffset? revokedAt)
    {
        var expiry = certificate.NotAfter.ToUniversalTime().ToString("yyMMddHHmmss") + "Z";
        var revoked = revokedAt is { } r ? r.UtcDateTime.ToString("yyMMddHHmmss") + "Z,keyCompromise" : "";
        var subject = "/" + string.Join("/", certificate.SubjectName.Name.Split(", ").Reverse());
        return $"{(revokedAt is null ? "V" : "R")}\t{expiry}\t{revoked}\t{certificate.SerialNumber}\tunknown\t{subject}\n";
    }

    static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
