using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using DocService.Signing.Tests.Support;

namespace DocService.Signing.Tests.Timestamps;

/// <summary>
/// <c>openssl ts -reply</c> as the TSA behind an <see cref="HttpMessageHandler"/>: each request the
/// client sends is answered by openssl with the development TSA key, so the client is tested
/// against a TSA implementation that is not ours. <see cref="Tamper"/> lets a test spoil the answer.
/// </summary>
internal sealed class OpenSslTsa : HttpMessageHandler
{
    public const string DefaultPolicy = "1.3.6.1.4.1.99999.2";
    public const string OtherPolicy = "1.3.6.1.4.1.99999.3";

    readonly TempDirectory _files = new();

    public OpenSslTsa()
    {
        using var tsa = X509CertificateLoader.LoadPkcs12(DevPki.Pkcs12("tsa"), DevPki.Password, X509KeyStorageFlags.Exportable);
        File.WriteAllText(Path.Combine(_files.Path, "tsa.crt"), tsa.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_files.Path, "tsa.key"), tsa.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        File.Copy(DevPki.CertificatePath("issuing-ca"), Path.Combine(_files.Path, "chain.pem"));
        File.WriteAllText(Path.Combine(_files.Path, "serial"), "01\n");
        File.WriteAllText(ConfigPath, $"""
            [ tsa ]
            default_tsa = tsa_config
            [ tsa_config ]
            dir = {_files.Path}
            serial = $dir/serial
            crypto_device = builtin
            signer_cert = $dir/tsa.crt
            certs = $dir/chain.pem
            signer_key = $dir/tsa.key
            signer_digest = sha256
            default_policy = {DefaultPolicy}
            other_policies = {OtherPolicy}
            digests = sha256, sha384, sha512
            accuracy = secs:1
            ordering = no
            tsa_name = yes
            ess_cert_id_chain = no
            ess_cert_id_alg = sha256
            """);
    }

    string ConfigPath => Path.Combine(_files.Path, "tsa.cnf");

    /// <summary>Replaces the request openssl answers (e.g. with another query, to answer the wrong nonce).</summary>
    public Func<byte[], Task<byte[]>>? Tamper { get; set; }

    public int Requests { get; private set; }

    /// <summary>openssl's answer to a DER TimeStampReq.</summary>
    public async Task<byte[]> ReplyAsync(byte[] query)
    {
        var name = Guid.NewGuid().ToString("N");
        var queryPath = Path.Combine(_files.Path, name + ".tsq");
        var replyPath = Path.Combine(_files.Path, name + ".tsr");
        await File.WriteAllBytesAsync(queryPath, query);
        var result = await OpenSsl.RunAsync("ts", "-reply", "-config", ConfigPath, "-queryfile", queryPath, "-out", replyPath);
        if (result.ExitCode != 0)
            throw new InvalidOperationException("openssl ts -reply failed: " + result);
        return await File.ReadAllBytesAsync(replyPath);
    }

    /// <summary>A DER TimeStampReq made by openssl for <paramref name="data"/>, with its own nonce.</summary>
    public async Task<byte[]> QueryAsync(byte[] data)
    {
        var dataPath = Path.Combine(_files.Path, Guid.NewGuid().ToString("N") + ".bin");
        var queryPath = dataPath + ".tsq";
        await File.WriteAllBytesAsync(dataPath, data);
        var result = await OpenSsl.RunAsync("ts", "-query", "-data", dataPath, "-sha256", "-cert", "-out", queryPath);
        if (result.ExitCode != 0)
            throw new InvalidOperationException("openssl ts -query failed: " + result);
        return await File.ReadAllBytesAsync(queryPath);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        if (request.Content?.Headers.ContentType?.MediaType != "application/timestamp-query")
            return new HttpResponseMessage(HttpStatusCode.UnsupportedMediaType);
        var query = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var reply = await ReplyAsync(Tamper is null ? query : await Tamper(query));
        var content = new ByteArrayContent(reply);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-reply");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _files.Dispose();
        base.Dispose(disposing);
    }
}
