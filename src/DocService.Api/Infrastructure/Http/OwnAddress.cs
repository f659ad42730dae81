using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DocService.Api.Infrastructure.Http;

/// <summary>
/// The address this process actually listens on, known once the server has started: what Development serves on the
/// service itself (the OCSP responder, the CRL, the in-process axis) is called there, whatever <c>--urls</c> chose —
/// any port (0 included), IPv4, IPv6 or localhost. A wildcard host (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>, <c>*</c>)
/// is reached on loopback; plain HTTP is preferred when the service listens on both.
/// </summary>
public sealed class OwnAddress(IServer server, IHostApplicationLifetime lifetime)
{
    /// <summary>The base address (<c>http://127.0.0.1:5123/</c>), or null when the server listens on no socket (the tests' in-memory server).</summary>
    public async Task<Uri?> GetAsync(CancellationToken ct)
    {
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
                await started.Task.WaitAsync(ct);
        }
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? addresses.FirstOrDefault(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        return chosen is null ? null : Reachable(chosen);
    }

    static Uri Reachable(string address)
    {
        // "http://+:80" and "http://*:80" are not URIs System.Uri accepts; Kestrel reports the others as such.
        var text = address.Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal);
        var uri = new UriBuilder(text) { Path = "/" };
        uri.Host = uri.Host switch
        {
            "0.0.0.0" => "127.0.0.1",
            "[::]" => "[::1]",
            var host => host,
        };
        return uri.Uri;
    }
}
