using System.Security.Cryptography;
using System.Text.Json;
using DocService.Exchange;
using DocService.Exchange.Model;
using DocService.Exchange.Reading;
using DocService.Exchange.Transport;
using Microsoft.Extensions.Options;

namespace DocService.AxisSimulator;

/// <summary>The five VDXP operations over <see cref="AxisStore"/>.</summary>
public sealed class AxisOperations(AxisStore store, FaultInjector faults, IOptions<AxisOptions> options, TimeProvider time)
{
    public async Task<IResult> SendEdocAsync(Caller caller, HttpRequest request, CancellationToken ct)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        if (body.Length > options.Value.MaxPackageBytes)
            return Fail(StatusCodes.Status413PayloadTooLarge, "package.too_large", $"Packages are limited to {options.Value.MaxPackageBytes} bytes.");
        var bytes = body.ToArray();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(request.Headers[VdxpProtocol.HashFile], sha256, StringComparison.OrdinalIgnoreCase))
            return Fail(StatusCodes.Status400BadRequest, "hash.mismatch", "hash-file is not the SHA-256 of the package.");

        var key = request.Headers[VdxpProtocol.IdempotencyKey].ToString() is { Length: > 0 } k ? caller.System.SystemId + "|" + k : null;
        if (key is not null && store.Locked(() => store.FindByKey(key)) is { } earlier)
        {
            return earlier.Sha256 == sha256
                ? Ok(new VdxpAnswer { DocId = earlier.DocId, Duplicate = true })
                : Fail(StatusCodes.Status409Conflict, "idempotency.conflict", "This idempotency key was used for another package.");
        }

        EdXmlMessage message;
        try
        {
            message = EdXmlReader.ReadMessage(new MemoryStream(bytes, writable: false), new EdXmlReaderOptions { ReadAttachments = false });
        }
        catch (EdXmlFormatException e)
        {
            return Fail(StatusCodes.Status400BadRequest, e.Code, e.Message);
        }
        if (message.Sender.OrganId != caller.OrganId)
            return Fail(StatusCodes.Status403Forbidden, "organ.mismatch", $"The package is from {message.Sender.OrganId}, the caller is {caller.OrganId}.");

        var (type, documentId, recipients) = message switch
        {
            EdXmlPackage p => (AxisMessageType.Edoc, p.Header.DocumentId, p.Header.To.Select(t => t.OrganId).Distinct().ToList()),
            StatusPackage s => (AxisMessageType.Status, s.ResponseFor.DocumentId, [s.Recipient]),
            _ => throw new InvalidOperationException(),
        };
        var known = options.Value.Systems.SelectMany(s => s.OrganIds).ToHashSet();
        if (recipients.Count == 0)
            return Fail(StatusCodes.Status400BadRequest, "organ.no_recipient", "The package names no recipient.");
        if (recipients.FirstOrDefault(r => !known.Contains(r)) is { } unknown)
            return Fail(StatusCodes.Status400BadRequest, "organ.unknown", $"Organ {unknown} is not connected to the axis.");

        var now = time.GetUtcNow();
        var answer = store.Locked(() =>
        {
            if (key is not null && store.FindByKey(key) is { } raced)
                return new VdxpAnswer { DocId = raced.DocId, Duplicate = true };
            var accepted = new AxisMessage
            {
                DocId = store.NextDocId(),
                SenderOrganId = caller.OrganId,
                MessageType = type,
                DocumentId = documentId,
                Package = bytes,
                Sha256 = sha256,
                Created = now,
                Deliveries = recipients.ToDictionary(r => r, _ => new Delivery { Updated = now }),
            };
            store.Add(accepted, key);
            if (message is StatusPackage status)
                RecordStatus(status, caller.OrganId, now);
            return new VdxpAnswer { DocId = accepted.DocId };
        });
        return Ok(answer);
    }

    // Business state beside transport state: the sender sees the last status code per recipient.
    void RecordStatus(StatusPackage status, string statusFrom, DateTimeOffset now)
    {
        var original = store.All.LastOrDefault(m => m.MessageType == AxisMessageType.Edoc
            && m.SenderOrganId == status.ResponseFor.OrganId && m.DocumentId == status.ResponseFor.DocumentId);
        if (original?.Deliveries.GetValueOrDefault(statusFrom) is { } delivery)
        {
            delivery.LastStatusCode = StatusPackage.Format(status.Code);
            delivery.Updated = now;
        }
    }

    public IResult GetReceivedEdocList(Caller caller)
    {
        var items = store.Locked(() => store.All
            .Where(m => m.Deliveries.TryGetValue(caller.OrganId, out var d) && d.State != DeliveryState.Done)
            .Select(m => new VdxpReceivedItem(m.DocId, m.SenderOrganId, VdxpProtocol.FormatMessageType(m.MessageType), m.Created))
            .ToList());
        return Ok(new VdxpAnswer { Data = JsonSerializer.SerializeToElement(faults.MaybeReorder(items), VdxpAnswer.Json) });
    }

    public IResult GetEdoc(Caller caller, string docId)
    {
        var message = store.Locked(() =>
        {
            var found = store.All.FirstOrDefault(m => m.DocId == docId && m.Deliveries.ContainsKey(caller.OrganId));
            if (found is not null && found.Deliveries[caller.OrganId] is { State: DeliveryState.Pending } delivery)
            {
                delivery.State = DeliveryState.Delivered;
                delivery.Updated = time.GetUtcNow();
            }
            return found;
        });
        if (message is null)
            return Fail(StatusCodes.Status404NotFound, "edoc.not_found", $"No package {docId} for {caller.OrganId}.");
        return new PackageResult(message.Package, message.Sha256);
    }

    public IResult UpdateStatus(Caller caller, string docId, string status)
    {
        if (status is not ("done" or "fail"))
            return Fail(StatusCodes.Status400BadRequest, "status.invalid", "status must be done or fail.");
        return store.Locked(() =>
        {
            var message = store.All.FirstOrDefault(m => m.DocId == docId && m.Deliveries.ContainsKey(caller.OrganId));
            if (message is null)
                return Fail(StatusCodes.Status404NotFound, "edoc.not_found", $"No package {docId} for {caller.OrganId}.");
            var delivery = message.Deliveries[caller.OrganId];
            delivery.Updated = time.GetUtcNow();
            if (status == "fail")
                delivery.State = DeliveryState.Failed;
            else if (delivery.State != DeliveryState.Done && !delivery.RedeliveredOnce && faults.Chance(faults.Options.DuplicateRate))
            {
                delivery.RedeliveredOnce = true; // the acknowledgement is "lost": the package will be offered again
                delivery.State = DeliveryState.Pending;
            }
            else
                delivery.State = DeliveryState.Done;
            return Ok(new VdxpAnswer());
        });
    }

    public IResult GetSentEdocList(Caller caller)
    {
        var items = store.Locked(() => store.All
            .Where(m => m.SenderOrganId == caller.OrganId)
            .Select(m => new VdxpSentItem(m.DocId, m.DocumentId, VdxpProtocol.FormatMessageType(m.MessageType), m.Created,
                m.Deliveries.Select(d => new RecipientState(d.Key, d.Value.State, d.Value.LastStatusCode, d.Value.Updated)).ToList()))
            .ToList());
        return Ok(new VdxpAnswer { Data = JsonSerializer.SerializeToElement(faults.MaybeReorder(items), VdxpAnswer.Json) });
    }

    public static IResult Ok(VdxpAnswer answer) => Results.Json(answer, VdxpAnswer.Json);

    public static IResult Fail(int httpStatus, string code, string description) =>
        Results.Json(VdxpAnswer.Failure(code, description), VdxpAnswer.Json, statusCode: httpStatus);

    /// <summary>getEdoc answers with the package bytes (not base64 in JSON) and announces their SHA-256.</summary>
    sealed class PackageResult(byte[] package, string sha256) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.ContentType = "application/xml";
            context.Response.Headers[VdxpProtocol.HashFile] = sha256;
            context.Response.ContentLength = package.Length;
            await context.Response.Body.WriteAsync(package, context.RequestAborted);
        }
    }
}
