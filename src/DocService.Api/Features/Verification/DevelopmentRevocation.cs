using DocService.Api.Infrastructure.Validation;

namespace DocService.Api.Features.Verification;

/// <summary>
/// certs-dev's issuing CA answering for itself in Development: an RFC 6960 OCSP responder (POST, and GET with the
/// request in the path, §A.1) and its CRL, at the paths its certificates name. Never mapped in production.
/// </summary>
public static class DevelopmentRevocation
{
    const int MaxRequestBytes = 16 * 1024;
    const string OcspResponse = "application/ocsp-response";

    public static void Map(RouteGroupBuilder api)
    {
        var dev = api.MapGroup("/dev").AllowAnonymous().ExcludeFromDescription();
        dev.MapPost("/ocsp", async (HttpRequest request, DevelopmentCa ca, CancellationToken ct) =>
        {
            if (request.ContentType?.Split(';')[0].Trim() != "application/ocsp-request")
                return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            if (buffer.Length > MaxRequestBytes)
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            return Results.Bytes(await ca.Responder.RespondAsync(buffer.ToArray(), ct), OcspResponse);
        });
        dev.MapGet("/ocsp/{**request}", async (string request, DevelopmentCa ca, CancellationToken ct) =>
        {
            var der = new byte[MaxRequestBytes];
            if (!Convert.TryFromBase64String(Uri.UnescapeDataString(request), der, out var length))
                return Results.StatusCode(StatusCodes.Status400BadRequest);
            return Results.Bytes(await ca.Responder.RespondAsync(der.AsMemory(0, length), ct), OcspResponse);
        });
        dev.MapGet("/crl/issuing-ca.crl", (DevelopmentCa ca) => Results.Bytes(ca.Crl, "application/pkix-crl"));
    }
}
