using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace DocService.Benchmarks.Load;

/// <summary>The calls the load makes, as any API client would make them: bearer tokens, ETags in If-Match.</summary>
public sealed class DocServiceClient(HttpClient http, Uri api, string cli)
{
    public const string Organ = "000.00.00.H41";

    public string Drafter { get; private set; } = "";
    public string Signer { get; private set; } = "";
    public string Auditor { get; private set; } = "";

    /// <summary>Tokens come from <c>docsvc dev-token</c>, the way the README mints them.</summary>
    public async Task MintTokensAsync()
    {
        Drafter = await DevTokenAsync("ubnd.chuyenvien", "drafter");
        Signer = await DevTokenAsync("ubnd.chutich", "signer");
        Auditor = await DevTokenAsync("ubnd.kiemtra", "auditor");
    }

    async Task<string> DevTokenAsync(string user, string role)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { cli, "dev-token", "--user", user, "--organ", Organ, "--roles", role })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var token = (await process.StandardOutput.ReadToEndAsync()).Trim();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || token.Length == 0)
            throw new InvalidOperationException($"docsvc dev-token failed ({process.ExitCode}): {error}");
        return token;
    }

    public async Task<(Guid Id, string ETag)> UploadAsync(byte[] pdf, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Post, "documents", Drafter, null, Multipart(pdf, ("typeName", "Quyết định"), ("subject", "Tải thử")), ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return (body.GetProperty("id").GetGuid(), await ETagAsync(response, ct));
    }

    /// <summary>Uploaded PDFs get their number, date, signer and organisation fields before anyone signs.</summary>
    public async Task<string> ApproveAsync(Guid id, string etag, CancellationToken ct)
    {
        etag = await ChangeAsync($"documents/{id}/fields", Drafter, etag, JsonContent.Create(new
        {
            number = new { page = 1, x = 100, y = 760, width = 40, height = 16 },
            date = new { page = 1, x = 380, y = 760, width = 160, height = 16 },
            signer = new { page = 1, x = 340, y = 120, width = 142, height = 85 },
            organisation = new { page = 1, x = 285, y = 112, width = 102, height = 102 },
        }), ct);
        etag = await ChangeAsync($"documents/{id}/submit", Drafter, etag, null, ct);
        return await ChangeAsync($"documents/{id}/approve", Signer, etag, null, ct);
    }

    public Task<HttpResponseMessage> SignAsync(Guid id, string etag, CancellationToken ct) =>
        http.SendAsync(Request(HttpMethod.Post, $"documents/{id}/signatures", Signer, etag, JsonContent.Create(new { reason = "Phê duyệt" })), ct);

    public Task<HttpResponseMessage> VerifyAsync(byte[] pdf, CancellationToken ct) =>
        http.SendAsync(Request(HttpMethod.Post, "verifications", Auditor, null, Multipart(pdf)), ct);

    public async Task<byte[]> DownloadAsync(Guid id, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, $"documents/{id}/content", Drafter, null, null, ct);
        return await response.Content.ReadAsByteArrayAsync(ct);
    }

    async Task<string> ChangeAsync(string path, string token, string etag, HttpContent? content, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Post, path, token, etag, content, ct);
        return await ETagAsync(response, ct);
    }

    async Task<string> ETagAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Headers.ETag is { } etag)
            return etag.ToString();
        // A 201 without an ETag: read it from the document, as a client would have to.
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        using var document = await SendAsync(HttpMethod.Get, $"documents/{id}", Drafter, null, null, ct);
        return document.Headers.ETag?.ToString() ?? throw new InvalidOperationException($"Document {id} has no ETag.");
    }

    async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, string? etag, HttpContent? content, CancellationToken ct)
    {
        var response = await http.SendAsync(Request(method, path, token, etag, content), ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        return response;
    }

    HttpRequestMessage Request(HttpMethod method, string path, string token, string? etag, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, new Uri(api, path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (etag is not null)
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    static MultipartFormDataContent Multipart(byte[] pdf, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "load.pdf");
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        return form;
    }
}
