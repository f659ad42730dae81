using System.Net;
using System.Security.Cryptography;
using System.Text.Json;

namespace DocService.Exchange.Transport;

/// <summary>
/// <see cref="IAxisTransport"/> over HTTP. Every attempt is signed afresh (new timestamp and nonce).
/// Retries, with exponential backoff and jitter, only what may succeed next time: timeouts,
/// connection failures and 5xx (and 408/429). Business answers are never retried. Every operation
/// is safe to repeat: reads and acknowledgements are idempotent by nature, and <c>sendEdoc</c>
/// carries an <c>idempotency-key</c> header that the axis deduplicates on.
/// </summary>
public sealed class VdxpHttpTransport(HttpClient http, VdxpOptions options, TimeProvider? time = null) : IAxisTransport
{
    readonly TimeProvider _time = time ?? TimeProvider.System;

    public async Task<SendEdocResult> SendEdocAsync(Stream package, AxisMessageType messageType, string idempotencyKey, CancellationToken ct = default)
    {
        if (!package.CanSeek)
            throw new ArgumentException("The package stream must be seekable: it is hashed before sending and rewound for retries.", nameof(package));
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var start = package.Position;
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(package, ct));
        var parameters = new Dictionary<string, string>
        {
            [VdxpProtocol.MessageType] = VdxpProtocol.FormatMessageType(messageType),
            [VdxpProtocol.HashFile] = hash,
            [VdxpProtocol.IdempotencyKey] = idempotencyKey,
        };
        return await SendAsync(VdxpProtocol.SendEdoc, parameters, () =>
        {
            package.Position = start;
            return new NonDisposingStreamContent(package);
        }, async (response, token) =>
        {
            var answer = await ReadAnswerAsync(VdxpProtocol.SendEdoc, response, token);
            return new SendEdocResult(answer.DocId ?? throw Malformed(VdxpProtocol.SendEdoc, "no DocId"), answer.Duplicate);
        }, ct);
    }

    public Task<IReadOnlyList<ReceivedEdocInfo>> GetReceivedEdocListAsync(CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<ReceivedEdocInfo>>(VdxpProtocol.GetReceivedEdocList, [], null, async (response, token) =>
        {
            var answer = await ReadAnswerAsync(VdxpProtocol.GetReceivedEdocList, response, token);
            var items = answer.Data?.Deserialize<List<VdxpReceivedItem>>(VdxpAnswer.Json) ?? [];
            return items.Select(i => new ReceivedEdocInfo(i.DocId, i.From, VdxpProtocol.ParseMessageType(i.MessageType), i.Created)).ToList();
        }, ct);

    public Task<EdocDownload> GetEdocAsync(string docId, Stream destination, CancellationToken ct = default)
    {
        var start = destination.CanSeek ? destination.Position : 0;
        var written = false;
        return SendAsync(VdxpProtocol.GetEdoc, new() { [VdxpProtocol.DocId] = docId }, null, async (response, token) =>
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is "application/json")
            {
                var answer = await ReadAnswerAsync(VdxpProtocol.GetEdoc, response, token);
                // Axes that answer in JSON carry the package as base64 in data.content.
                var content = answer.Data is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty("content", out var c)
                    ? c.GetBytesFromBase64() : throw Malformed(VdxpProtocol.GetEdoc, "no data.content");
                await destination.WriteAsync(content, token);
                return new EdocDownload(docId, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)));
            }

            if (written)
            {
                if (!destination.CanSeek)
                    throw new AxisUnavailableException(VdxpProtocol.GetEdoc, 1, new IOException("A partial download cannot be rewound."));
                destination.Position = start;
                destination.SetLength(start);
            }
            written = true;
            using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var body = await response.Content.ReadAsStreamAsync(token);
            var buffer = new byte[81920];
            long length = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, token)) > 0)
            {
                hasher.AppendData(buffer, 0, read);
                await destination.WriteAsync(buffer.AsMemory(0, read), token);
                length += read;
            }
            var sha256 = Convert.ToHexStringLower(hasher.GetHashAndReset());
            if (response.Headers.TryGetValues(VdxpProtocol.HashFile, out var expected)
                && !string.Equals(expected.FirstOrDefault(), sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new TransientAxisException($"Package {docId} arrived with SHA-256 {sha256}, the axis announced {expected.First()}.");
            }
            return new EdocDownload(docId, length, sha256);
        }, ct);
    }

    public Task UpdateStatusAsync(string docId, TransportAck status, CancellationToken ct = default) =>
        SendAsync(VdxpProtocol.UpdateStatus,
            new() { [VdxpProtocol.DocId] = docId, [VdxpProtocol.Status] = status == TransportAck.Done ? "done" : "fail" }, null,
            async (response, token) => await ReadAnswerAsync(VdxpProtocol.UpdateStatus, response, token), ct);

    public Task<IReadOnlyList<SentEdocInfo>> GetSentEdocListAsync(CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<SentEdocInfo>>(VdxpProtocol.GetSentEdocList, [], null, async (response, token) =>
        {
            var answer = await ReadAnswerAsync(VdxpProtocol.GetSentEdocList, response, token);
            var items = answer.Data?.Deserialize<List<VdxpSentItem>>(VdxpAnswer.Json) ?? [];
            return items.Select(i => new SentEdocInfo(i.DocId, i.DocumentId, VdxpProtocol.ParseMessageType(i.MessageType), i.Created, i.Recipients)).ToList();
        }, ct);

    async Task<T> SendAsync<T>(
        string operation, Dictionary<string, string> parameters, Func<HttpContent>? content,
        Func<HttpResponseMessage, CancellationToken, Task<T>> onSuccess, CancellationToken ct)
    {
        Exception? last = null;
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            if (attempt > 1)
                await Task.Delay(Backoff(attempt), _time, ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.AttemptTimeout);
            try
            {
                using var request = BuildRequest(operation, parameters, content?.Invoke());
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (IsTransient(response.StatusCode))
                {
                    last = new HttpRequestException($"HTTP {(int)response.StatusCode} from {operation}", null, response.StatusCode);
                    continue;
                }
                return await onSuccess(response, timeout.Token);
            }
            catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
            {
                last = new TimeoutException($"{operation} timed out after {options.AttemptTimeout}.", e);
            }
            catch (HttpRequestException e)
            {
                last = e;
            }
            catch (IOException e)
            {
                last = e;
            }
            catch (TransientAxisException e)
            {
                last = e;
            }
        }
        throw new AxisUnavailableException(operation, options.MaxAttempts, last);
    }

    HttpRequestMessage BuildRequest(string operation, Dictionary<string, string> parameters, HttpContent? content)
    {
        var headers = new Dictionary<string, string>(parameters)
        {
            [VdxpProtocol.From] = options.OrganId,
            [VdxpProtocol.SystemId] = options.SystemId,
            [VdxpProtocol.Timestamp] = _time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            [VdxpProtocol.Nonce] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        };
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Endpoint.ToString().TrimEnd('/') + "/" + operation))
        {
            Content = content ?? new ByteArrayContent([]),
        };
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        request.Headers.TryAddWithoutValidation(VdxpProtocol.Signature,
            VdxpProtocol.ComputeSignature(options.Secret, VdxpProtocol.Canonicalize(operation, headers)));
        return request;
    }

    static async Task<VdxpAnswer> ReadAnswerAsync(string operation, HttpResponseMessage response, CancellationToken ct)
    {
        VdxpAnswer? answer = null;
        try
        {
            answer = await response.Content.ReadFromJsonAsync(operation, ct);
        }
        catch (JsonException) when (!response.IsSuccessStatusCode)
        {
            // An error page instead of JSON: reported below with the HTTP status.
        }
        catch (JsonException e)
        {
            throw new AxisBusinessException(operation, "answer.malformed", "The axis answer is not JSON: " + e.Message, (int)response.StatusCode);
        }
        if (answer is null || !answer.IsOk || !response.IsSuccessStatusCode)
        {
            throw new AxisBusinessException(operation, answer?.ErrorCode ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
                answer?.ErrorDesc ?? response.ReasonPhrase ?? "", (int)response.StatusCode);
        }
        return answer;
    }

    TimeSpan Backoff(int attempt)
    {
        var exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 2);
        var capped = Math.Min(exponential, options.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped + Random.Shared.NextDouble() * options.BaseDelay.TotalMilliseconds);
    }

    static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    static AxisBusinessException Malformed(string operation, string what) =>
        new(operation, "answer.malformed", $"The axis answer has {what}.", 200);

    sealed class TransientAxisException(string message) : Exception(message);

    /// <summary>Streams the caller's package without closing it when the request is disposed.</summary>
    sealed class NonDisposingStreamContent(Stream stream) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream target, TransportContext? context) => stream.CopyToAsync(target);

        protected override Task SerializeToStreamAsync(Stream target, TransportContext? context, CancellationToken ct) =>
            stream.CopyToAsync(target, ct);

        protected override bool TryComputeLength(out long length)
        {
            length = stream.Length - stream.Position;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            // The stream belongs to the caller.
        }
    }
}

internal static class VdxpAnswerReading
{
    public static async Task<VdxpAnswer?> ReadFromJsonAsync(this HttpContent content, string operation, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        return await JsonSerializer.DeserializeAsync<VdxpAnswer>(stream, VdxpAnswer.Json, ct);
    }
}
