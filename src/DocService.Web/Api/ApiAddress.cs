using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace DocService.Web.Api;

/// <summary>
/// Where the pages reach the API: <c>Web:ApiAddress</c> when set (e.g. behind a proxy that rewrites hosts), otherwise
/// this same process on the address it listens on — so a page's call never leaves the machine.
/// </summary>
public sealed class ApiAddress(IConfiguration configuration, IServer server)
{
    Uri? _listening;

    public Uri For(HttpContext context)
    {
        if (configuration["Web:ApiAddress"] is { Length: > 0 } configured)
            return new Uri(configured.TrimEnd('/') + "/");
        return _listening ??= Listening() ?? new Uri($"{context.Request.Scheme}://{context.Request.Host}/");
    }

    Uri? Listening()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        // Prefer plain HTTP on loopback: the call stays inside the machine and needs no certificate.
        var chosen = addresses.OrderBy(a => a.StartsWith("https", StringComparison.OrdinalIgnoreCase)).FirstOrDefault();
        if (chosen is null)
            return null;
        var uri = new UriBuilder(chosen.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
            uri.Host = "localhost";
        uri.Path = "/";
        return uri.Uri;
    }
}
