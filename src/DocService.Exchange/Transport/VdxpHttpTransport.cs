using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DocService.Exchange.Transport;

/// <summary>
/// <see cref="IAxisTransport"/> over HTTP in the SDK's protocol (<see cref="VdxpProtocol"/>). Every attempt is signed
/// afresh (a new timestamp). Retries, with exponential backoff and jitter, only what may succeed next time: timeouts,
/// connection failures, 5xx (and 408/429), and answers that are not the axis's (an HTML error page, a proxy's text):
/// those are logged with their raw text. A <c>FAIL</c> answer is a business refusal and never retried.
/// </summary>
public sealed class VdxpHttpTransport(HttpClient http, VdxpOptions options, TimeProvider? time = null, ILogger? log = null) : IAxisTransport
{
    const int MaxLoggedAnswer = 2000;
    readonly TimeProvider _time = time ?? TimeProvider.System;
    readonly ILogger _log = log ?? NullLogger.Instance;

    public async Task<SendEdocResult> SendEdocAsync(Stream package, EdocEnvelope envelope, CancellationToken ct = default)
    {
        if (!package.CanSeek)
            throw new ArgumentException("The package stream must be seekable: it is hashed before sending and rewound for retries.", nameof(package));
        var start = package.Position;
        var hash = VdxpProtocol.FormatHashFile(await SHA256.HashDataAsync(package, ct));
        // The SDK's callers put from, servicetype, messagetype (and to); the SDK then hash-file.
        List<KeyValuePair<string, string>> headers =
        [
            new(VdxpProtocol.From, options.OrganId),
            new(VdxpProtocol.ServiceType, VdxpProtocol.EdocServiceType),
            new(VdxpProtocol.MessageType, VdxpProtocol.FormatMessageType(envelope.Type, envelope.Business)),
            new(VdxpProtocol.To, new JsonArray(envelope.To.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()).ToJsonString()),
            new(VdxpProtocol.HashFile, hash),
        ];
        var answer = await SendAsync(VdxpProtocol.SendEdoc, VdxpProtocol.OctetStream, headers, () =>
        {
            package.Position = start;
            return new NonDisposingStreamContent(package);
        }, ct);
        return new SendEdocResult(answer.DocId is { Length: > 0 } id ? id : throw Malformed(VdxpProtocol.SendEdoc, "no DocId"));
    }

    public async Task<IReadOnlyList<ReceivedEdocInfo>> GetReceivedEdocListAsync(CancellationToken ct = default)
    {
        var items = new Dictionary<string, ReceivedEdocInfo>();
        foreach (var type in VdxpProtocol.MessageTypes)
        {
            var answer = await SendAsync(VdxpProtocol.GetReceivedEdocList, VdxpProtocol.Json,
                [new(VdxpProtocol.ServiceType, VdxpProtocol.EdocServiceType), new(VdxpProtocol.MessageType, type)], null, ct);
            foreach (var item in Items(answer))
            {
                if (Field(item, "docId") is not { Length: > 0 } docId)
                    continue;
                // An axis that lists every document under edoc as well lists a package twice: once is enough.
                items.TryAdd(docId, new ReceivedEdocInfo(docId, Field(item, "from") ?? "",
                    VdxpProtocol.ParseMessageType(Field(item, "messageType") ?? type),
                    AxisValues.Parse(Field(item, "created_time")) ?? _time.GetUtcNow(), Field(item, "to")));
            }
        }
        return items.Values.ToList();
    }

    public async Task<EdocDownload> GetEdocAsync(string docId, Stream destination, CancellationToken ct = default)
    {
        var answer = await SendAsync(VdxpProtocol.GetEdoc, VdxpProtocol.Json, [new(VdxpProtocol.DocId, docId)], null, ct);
        var base64 = VdxpAnswer.Text(answer.Data) ?? throw Malformed(VdxpProtocol.GetEdoc, "no data");
        byte[] content;
        try
        {
            content = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw Malformed(VdxpProtocol.GetEdoc, "data that is not base64");
        }
        await destination.WriteAsync(content, ct);
        return new EdocDownload(docId, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    public Task UpdateStatusAsync(string docId, TransportAck status, CancellationToken ct = default) =>
        SendAsync(VdxpProtocol.UpdateStatus, VdxpProtocol.Json,
            [new(VdxpProtocol.Status, status == TransportAck.Done ? "done" : "fail"), new(VdxpProtocol.StatusDocId, docId)], null, ct);

    public async Task<IReadOnlyList<RecipientState>> GetSentEdocListAsync(string docId, CancellationToken ct = default)
    {
        var answer = await SendAsync(VdxpProtocol.GetSentEdocList, VdxpProtocol.Json,
            [new(VdxpProtocol.ServiceType, VdxpProtocol.EdocServiceType), new(VdxpProtocol.MessageType, "edoc"), new(VdxpProtocol.DocId, docId)], null, ct);
        return Items(answer)
            .Where(item => Field(item, "toCode") is { Length: > 0 })
            .Select(item => new RecipientState(Field(item, "toCode")!, AxisValues.Delivery(Field(item, "receiveStatus"), Field(item, "sendStatus")),
                Field(item, "receiverDocId"), Field(item, "receiveStatus"),
                AxisValues.Parse(Field(item, "sentTime")), AxisValues.Parse(Field(item, "receivedTime"))))
            .ToList();
    }

    static IEnumerable<JsonObject> Items(VdxpAnswer answer) => answer.Data is JsonArray array ? array.OfType<JsonObject>() : [];

    /// <summary>A field of a list item, its name in any case.</summary>
    static string? Field(JsonObject item, string name) =>
        VdxpAnswer.Text(item.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value);

    async Task<VdxpAnswer> SendAsync(
        string operation, string contentType, List<KeyValuePair<string, string>> headers, Func<HttpContent>? content, CancellationToken ct)
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
                using var request = BuildRequest(operation, contentType, headers, content?.Invoke());
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (IsTransient(response.StatusCode))
                {
                    last = new HttpRequestException($"HTTP {(int)response.StatusCode} from {operation}", null, response.StatusCode);
                    continue;
                }
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                var answer = VdxpAnswer.TryParse(text);
                if (answer is null)
                {
                    _log.LogWarning("The axis answered {Operation} with HTTP {Status} and no answer of its own: {Answer}",
                        operation, (int)response.StatusCode, text.Length > MaxLoggedAnswer ? text[..MaxLoggedAnswer] : text);
                    last = new InvalidDataException($"{operation}: HTTP {(int)response.StatusCode}, an answer that is not the axis's.");
                    continue;
                }
                if (!answer.IsOk)
                    throw new AxisBusinessException(operation, answer.ErrorCode, answer.ErrorDesc, (int)response.StatusCode);
                return answer;
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
        }
        throw new AxisUnavailableException(operation, options.MaxAttempts, last);
    }

    HttpRequestMessage BuildRequest(string operation, string contentType, List<KeyValuePair<string, string>> headers, HttpContent? content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Endpoint.ToString().TrimEnd('/') + "/" + operation))
        {
            Content = content ?? new ByteArrayContent([]),
        };
        foreach (var (name, value) in VdxpProtocol.Sign(options.SystemId, options.Secret, _time.GetUtcNow(), contentType, headers))
        {
            if (name == VdxpProtocol.ContentType)
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            else if (name == "User-Agent")
                request.Headers.UserAgent.ParseAdd(value);
            else
                request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
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
