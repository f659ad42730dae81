using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using DocService.Web.Localization;
using DocService.Web.Session;
using Microsoft.AspNetCore.Http;

namespace DocService.Web.Api;

/// <summary>
/// The pages' way into the service: the same REST API every other client uses, called with the signed-in user's bearer
/// token, so the pages pass through the same authorisation, validation, transactions and audit as any call — never
/// around them to the database.
/// </summary>
public sealed class ApiClient(HttpClient http, IHttpContextAccessor accessor, ApiAddress address, UiLanguage language)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public Task<T> GetAsync<T>(string path, CancellationToken ct = default) => SendAsync<T>(HttpMethod.Get, path, null, null, ct);

    public Task<T> PostAsync<T>(string path, object? body, string? ifMatch = null, CancellationToken ct = default) =>
        SendAsync<T>(HttpMethod.Post, path, body is null ? null : JsonContent.Create(body, options: Json), ifMatch, ct);

    public Task<T> PutAsync<T>(string path, object body, string? ifMatch = null, CancellationToken ct = default) =>
        SendAsync<T>(HttpMethod.Put, path, JsonContent.Create(body, options: Json), ifMatch, ct);

    public Task<T> PostFormAsync<T>(string path, MultipartFormDataContent form, CancellationToken ct = default) =>
        SendAsync<T>(HttpMethod.Post, path, form, null, ct);

    /// <summary>A document with the ETag a change to it must send back.</summary>
    public async Task<(T Value, string ETag)> GetWithETagAsync<T>(string path, CancellationToken ct = default)
    {
        using var response = await SendRawAsync(HttpMethod.Get, path, null, null, ct);
        var value = await ReadAsync<T>(response, ct);
        return (value, response.Headers.ETag?.ToString() ?? "");
    }

    /// <summary>A stream the caller relays as it is (PDFs and reports), with its content type.</summary>
    public async Task<HttpResponseMessage> GetRawAsync(string path, CancellationToken ct = default)
    {
        var request = await RequestAsync(HttpMethod.Get, path, null, null);
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
    }

    async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, string? ifMatch, CancellationToken ct)
    {
        using var response = await SendRawAsync(method, path, content, ifMatch, ct);
        return await ReadAsync<T>(response, ct);
    }

    async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, HttpContent? content, string? ifMatch, CancellationToken ct)
    {
        var request = await RequestAsync(method, path, content, ifMatch);
        // Creating calls are safe to repeat: the service answers a repeated key with the first result.
        if (method == HttpMethod.Post)
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
                throw await ApiProblem.ReadAsync(response, ct);
        }
        return response;
    }

    async Task<HttpRequestMessage> RequestAsync(HttpMethod method, string path, HttpContent? content, string? ifMatch)
    {
        var context = accessor.HttpContext ?? throw new InvalidOperationException("The pages call the API only while serving a request.");
        var request = new HttpRequestMessage(method, new Uri(address.For(context), path)) { Content = content };
        if (await WebSession.TokenAsync(context) is { } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (ifMatch is { Length: > 0 })
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language.Code));
        return request;
    }

    static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.StatusCode == HttpStatusCode.NoContent)
            return default!;
        return await response.Content.ReadFromJsonAsync<T>(Json, ct)
            ?? throw new InvalidOperationException($"The API answered {(int)response.StatusCode} with no body.");
    }
}
