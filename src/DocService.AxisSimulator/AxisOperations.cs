using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocService.Exchange;
using DocService.Exchange.Model;
using DocService.Exchange.Reading;
using DocService.Exchange.Transport;
using Microsoft.Extensions.Options;

namespace DocService.AxisSimulator;

/// <summary>The document operations of the axis over <see cref="AxisStore"/>, parameters read from the signed headers.</summary>
public sealed class AxisOperations(AxisStore store, FaultInjector faults, IOptions<AxisOptions> options, TimeProvider time)
{
    static readonly string[] ReceiverStatuses = ["done", "fail", "inbox", "acceptance", "rejection", "processing"];

    public async Task<IResult> SendEdocAsync(Caller caller, HttpRequest request, CancellationToken ct)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        if (body.Length > options.Value.MaxPackageBytes)
            return Fail(StatusCodes.Status413PayloadTooLarge, "package.too_large", $"Packages are limited to {options.Value.MaxPackageBytes} bytes.");
        var bytes = body.ToArray();
        var hashFile = caller.Parameter(VdxpProtocol.HashFile);
        // The SDK's uploader writes CRLF after the file and hashes the file alone.
        if (!VdxpProtocol.HashFileMatches(hashFile, SHA256.HashData(bytes)))
        {
            if (bytes is [.., (byte)'\r', (byte)'\n'] && VdxpProtocol.HashFileMatches(hashFile, SHA256.HashData(bytes.AsSpan(0, bytes.Length - 2))))
                bytes = bytes[..^2];
            else
                return Fail(StatusCodes.Status400BadRequest, "hash.mismatch", "hash-file is not the SHA-256 of the package.");
        }
        var organ = caller.Parameter(VdxpProtocol.From);
        if (!caller.System.OrganIds.Contains(organ))
            return Fail(StatusCodes.Status403Forbidden, "organ.not_yours", $"System {caller.System.SystemId} does not speak for organ {organ}.");
        if (!string.Equals(caller.Parameter(VdxpProtocol.ServiceType), VdxpProtocol.EdocServiceType, StringComparison.OrdinalIgnoreCase))
            return Fail(StatusCodes.Status400BadRequest, "servicetype.invalid", "servicetype must be eDoc.");
        var messageType = caller.Parameter(VdxpProtocol.MessageType).ToLowerInvariant();
        if (!VdxpProtocol.MessageTypes.Contains(messageType))
            return Fail(StatusCodes.Status400BadRequest, "messagetype.invalid", $"messagetype must be one of {string.Join(", ", VdxpProtocol.MessageTypes)}.");
        if (caller.Parameter(VdxpProtocol.To) is { Length: > 0 } to && !IsJsonArray(to))
            return Fail(StatusCodes.Status400BadRequest, "to.invalid", "to must be a JSON array.");

        EdXmlMessage message;
        try
        {
            message = EdXmlReader.ReadMessage(new MemoryStream(bytes, writable: false), new EdXmlReaderOptions { ReadAttachments = false });
        }
        catch (EdXmlFormatException e)
        {
            return Fail(StatusCodes.Status400BadRequest, e.Code, e.Message);
        }
        if (message.Sender.OrganId != organ)
            return Fail(StatusCodes.Status403Forbidden, "organ.mismatch", $"The package is from {message.Sender.OrganId}, the caller is {organ}.");
        var (kind, documentId, recipients, title, notation) = message switch
        {
            EdXmlPackage p => (AxisMessageType.Edoc, p.Header.DocumentId, p.Header.To.Select(t => t.OrganId).Distinct().ToList(),
                p.Header.Subject, p.Header.Code.CodeNotation),
            StatusPackage s => (AxisMessageType.Status, s.ResponseFor.DocumentId, [s.Recipient], null, null),
            _ => throw new InvalidOperationException(),
        };
        if ((kind == AxisMessageType.Status) != (messageType == "status"))
            return Fail(StatusCodes.Status400BadRequest, "messagetype.mismatch", $"messagetype {messageType} does not fit the package.");
        var known = options.Value.Systems.SelectMany(s => s.OrganIds).ToHashSet();
        if (recipients.Count == 0)
            return Fail(StatusCodes.Status400BadRequest, "organ.no_recipient", "The package names no recipient.");
        if (recipients.FirstOrDefault(r => !known.Contains(r)) is { } unknown)
            return Fail(StatusCodes.Status400BadRequest, "organ.unknown", $"Organ {unknown} is not connected to the axis.");

        var now = time.GetUtcNow();
        var docId = store.Locked(() =>
        {
            var accepted = new AxisMessage
            {
                DocId = store.NextDocId(),
                SenderOrganId = organ,
                Kind = kind,
                MessageType = messageType,
                DocumentId = documentId,
                Title = title,
                Notation = notation,
                Package = bytes,
                Created = now,
                Deliveries = recipients.ToDictionary(r => r, r => new Delivery { ReceiverDocId = store.NextDocId(), OrganId = r, Updated = now }),
            };
            store.Add(accepted);
            return accepted.DocId;
        });
        return Ok(new VdxpAnswer { DocId = docId, ErrorDesc = "Success" });
    }

    static bool IsJsonArray(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonArray;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public IResult GetReceivedEdocList(Caller caller)
    {
        var messageType = caller.Parameter(VdxpProtocol.MessageType) is { Length: > 0 } t ? t : "edoc";
        var items = store.Locked(() => store.All
            .Where(m => string.Equals(m.MessageType, messageType, StringComparison.OrdinalIgnoreCase))
            .SelectMany(m => m.Deliveries.Values.Where(d => caller.System.OrganIds.Contains(d.OrganId) && d.Waiting).Select(d => (JsonNode)new JsonObject
            {
                ["docId"] = d.ReceiverDocId,
                ["serviceType"] = VdxpProtocol.EdocServiceType,
                ["messageType"] = m.MessageType,
                ["created_time"] = Time(m.Created),
                ["updated_time"] = Time(d.Updated),
                ["from"] = m.SenderOrganId,
                ["to"] = d.OrganId,
                ["status"] = d.ReceiveStatus is { Length: > 0 } s ? s : "initial",
                ["status_desc"] = "",
            }))
            .ToList());
        return Ok(new VdxpAnswer { ErrorDesc = "Success", Data = new JsonArray(faults.MaybeReorder(items).ToArray()) });
    }

    public IResult GetEdoc(Caller caller)
    {
        var docId = caller.Parameter(VdxpProtocol.DocId);
        var package = store.Locked(() =>
        {
            if (store.FindCopy(docId) is not { } copy || !caller.System.OrganIds.Contains(copy.Delivery.OrganId))
                return null;
            if (copy.Delivery.ReceiveStatus.Length == 0)
            {
                copy.Delivery.ReceiveStatus = "received";
                copy.Delivery.ReceivedTime = copy.Delivery.Updated = time.GetUtcNow();
            }
            return copy.Message.Package;
        });
        return package is null
            ? Fail(StatusCodes.Status404NotFound, "edoc.not_found", $"No package {docId} for system {caller.System.SystemId}.")
            : Ok(new VdxpAnswer { ErrorDesc = "Success", Data = JsonValue.Create(Convert.ToBase64String(package)) });
    }

    public IResult UpdateStatus(Caller caller)
    {
        var docId = caller.Parameter(VdxpProtocol.StatusDocId);
        var status = caller.Parameter(VdxpProtocol.Status).ToLowerInvariant();
        if (!ReceiverStatuses.Contains(status))
            return Fail(StatusCodes.Status400BadRequest, "status.invalid", $"status must be one of {string.Join(", ", ReceiverStatuses)}.");
        return store.Locked(() =>
        {
            if (store.FindCopy(docId) is not { } copy || !caller.System.OrganIds.Contains(copy.Delivery.OrganId))
                return Fail(StatusCodes.Status404NotFound, "edoc.not_found", $"No package {docId} for system {caller.System.SystemId}.");
            var delivery = copy.Delivery;
            delivery.Updated = time.GetUtcNow();
            if (status == "done" && delivery.Waiting && !delivery.RedeliveredOnce && faults.Chance(faults.Options.DuplicateRate))
                delivery.RedeliveredOnce = true; // the acknowledgement is "lost": the package will be offered again
            else
                delivery.ReceiveStatus = status;
            return Ok(new VdxpAnswer { ErrorDesc = "Success" });
        });
    }

    public IResult GetSentEdocList(Caller caller)
    {
        var docId = caller.Parameter(VdxpProtocol.DocId);
        var items = store.Locked(() => store.All
            .Where(m => m.DocId == docId && caller.System.OrganIds.Contains(m.SenderOrganId))
            .SelectMany(m => m.Deliveries.Values.Select(d => (JsonNode)new JsonObject
            {
                ["toCode"] = d.OrganId,
                ["receiverDocId"] = d.ReceiverDocId,
                ["senderDocId"] = m.DocId,
                ["fromCode"] = m.SenderOrganId,
                ["sendStatus"] = "done",
                ["sendStatusDesc"] = "Đã gửi",
                ["receiveStatus"] = d.ReceiveStatus,
                ["receiveStatusDesc"] = "",
                ["sentTime"] = Time(m.Created),
                ["receivedTime"] = d.ReceivedTime is { } r ? Time(r) : null,
                ["title"] = m.Title,
                ["notation"] = m.Notation,
                ["messageType"] = m.MessageType,
                ["serviceType"] = VdxpProtocol.EdocServiceType,
            }))
            .ToList());
        return Ok(new VdxpAnswer { ErrorDesc = "Success", Data = new JsonArray(faults.MaybeReorder(items).ToArray()) });
    }

    static string Time(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    public static IResult Ok(VdxpAnswer answer) => Results.Text(answer.ToJson(), VdxpProtocol.Json);

    public static IResult Fail(int httpStatus, string code, string description) =>
        Results.Text(VdxpAnswer.Failure(code, description).ToJson(), VdxpProtocol.Json, statusCode: httpStatus);
}
