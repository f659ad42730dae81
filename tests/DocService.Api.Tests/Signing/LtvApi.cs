using System.Net.Http.Headers;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Timestamps;
using DocService.Api.Tests.Infrastructure;
using DocService.Signing.Tests.Support;
using DocService.Signing.Tests.Validation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DocService.Api.Tests.Signing;

/// <summary>
/// The API with the development TSA and a real <c>openssl ocsp</c> responder for the development chain on a
/// free port (the certificates' OCSP URL redirected to it with <c>Validation:UrlOverrides</c>), or with the
/// responder down. <see cref="TsaDown"/> makes the TSA unreachable for a while, without a new host.
/// </summary>
public class LtvApi(bool revocationDown) : ApiFactory(DatabaseProvider.Sqlite)
{
    readonly RevocationServers _servers = new();

    /// <summary>While true, the TSA answers nothing (the request fails as an unreachable host would).</summary>
    public bool TsaDown { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        LtvHosting.Configure(builder, revocationDown ? null : _servers, () => TsaDown);
    }

    public Task TrustDevelopmentRootAsync(string organ) => LtvHosting.TrustDevelopmentRootAsync(this, organ);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _servers.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteLtvApi() : LtvApi(revocationDown: false);
public sealed class SqliteRevocationDownApi() : LtvApi(revocationDown: true);

/// <summary>The development TSA (the host's own endpoint) and the OCSP responder for any test host.</summary>
public static class LtvHosting
{
    /// <summary>The OCSP and CRL addresses certs-dev puts in its certificates.</summary>
    public const string CertificateOcspUrl = "http://localhost:5080/api/v1/dev/ocsp";
    public const string CertificateCrlUrl = "http://localhost:5080/api/v1/dev/crl/issuing-ca.crl";

    /// <summary>Starts the responder in <paramref name="servers"/> (none: revocation is down) and points the host at it and at its own TSA.</summary>
    internal static void Configure(IWebHostBuilder builder, RevocationServers? servers, Func<bool> tsaDown)
    {
        builder.UseSetting("Timestamps:DevelopmentAuthority", "true");
        builder.UseSetting("Timestamps:Url", "http://localhost/api/v1/dev/tsa");
        builder.UseSetting("Timestamps:Timeout", "00:00:03");
        int port;
        if (servers is null)
        {
            port = RevocationServers.DeadPort();
        }
        else
        {
            servers.StartOcspAsync(("official-rsa3072", null), ("official-rsa2048", null), ("organisation", null), ("tsa", null))
                .GetAwaiter().GetResult();
            port = servers.OcspPort;
        }
        builder.UseSetting("Validation:UrlOverrides:0:From", CertificateOcspUrl);
        builder.UseSetting("Validation:UrlOverrides:0:To", $"http://127.0.0.1:{port}/ocsp");
        builder.UseSetting("Validation:UrlOverrides:1:From", CertificateCrlUrl);
        builder.UseSetting("Validation:UrlOverrides:1:To", $"http://127.0.0.1:{RevocationServers.DeadPort()}/crl/issuing-ca.crl");
        builder.UseSetting("Validation:RevocationTimeout", "00:00:03");
        builder.ConfigureTestServices(services => services.AddHttpClient(TimestampSetup.HttpClientName)
            .AddHttpMessageHandler(sp => new ToOwnAddress(sp.GetRequiredService<IServer>(), tsaDown)));
    }

    /// <summary>Registers certs-dev's root as a trust anchor (the host runs as Testing, which does not trust it by itself).</summary>
    public static async Task TrustDevelopmentRootAsync(ApiFactory api, string organ)
    {
        var file = new ByteArrayContent(File.ReadAllBytes(DevPki.CertificatePath("root")));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pkix-cert");
        var answer = await api.ClientFor("admin", organ, ["admin"]).PostAsync("/api/v1/admin/trust-anchors",
            new MultipartFormDataContent { { file, "file", "root.crt" } });
        ((int)answer.StatusCode).ShouldBeOneOf(201, 409);
    }

    /// <summary>Requests to http://localhost/ go to the port Kestrel chose; none at all while the TSA is switched off.</summary>
    sealed class ToOwnAddress(IServer server, Func<bool> down) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (down())
                throw new HttpRequestException("Connection refused (the test switched the TSA off).");
            var own = new Uri(server.Features.Get<IServerAddressesFeature>()!.Addresses.First());
            request.RequestUri = new UriBuilder(request.RequestUri!) { Host = own.Host, Port = own.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
