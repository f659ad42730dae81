using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DocService.Benchmarks.Load;

/// <summary>
/// The reference every HTTP figure is divided by: bare Kestrel receiving a body and sending it back,
/// nothing else — what moving the same bytes over the same loopback costs on this machine.
/// </summary>
public static class EchoServer
{
    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 512L * 1024 * 1024);
        var app = builder.Build();
        app.MapPost("/echo", async (HttpRequest request, HttpResponse response, CancellationToken ct) =>
        {
            response.ContentType = request.ContentType ?? "application/octet-stream";
            await request.Body.CopyToAsync(response.Body, ct);
        });
        await app.RunAsync();
    }
}
