using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DocService.Web.Api;

/// <summary>
/// An RFC 9457 answer from the API, already in the user's language (the pages send their Accept-Language): a page shows
/// its title, detail and the field problems beside the form, and keeps the stable code for support.
/// </summary>
public sealed class ApiProblem(HttpStatusCode status, string title, string? detail, string? code, IReadOnlyDictionary<string, string[]> errors)
    : Exception(detail ?? title)
{
    public HttpStatusCode Status { get; } = status;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
    public string? Code { get; } = code;
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        Body? body = null;
        try
        {
            body = await response.Content.ReadFromJsonAsync<Body>(ApiClient.Json, ct);
        }
        catch (JsonException)
        {
            // Not ProblemDetails (a proxy's error page): the status says enough.
        }
        return new ApiProblem(response.StatusCode, body?.Title ?? response.ReasonPhrase ?? response.StatusCode.ToString(), body?.Detail, body?.Code,
            body?.Errors ?? new Dictionary<string, string[]>());
    }

    sealed record Body(string? Title, string? Detail, string? Code, Dictionary<string, string[]>? Errors);
}
