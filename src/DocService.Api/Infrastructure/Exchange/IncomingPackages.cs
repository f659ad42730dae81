using System.Globalization;
using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Features.Verification;
using DocService.Api.Infrastructure.Audit;
using DocService.Api.Infrastructure.Errors;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Registers;
using DocService.Exchange;
using DocService.Exchange.Model;
using DocService.Exchange.Reading;
using DocService.Exchange.Transport;
using DocService.Signing.Validation;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Infrastructure.Exchange;

/// <summary>
/// Takes one package from the axis into the database, in one transaction with its inbox row: a new document is
/// stored as revision 1 of an incoming document, its signatures verified, and it is registered with the next
/// arrival number (statuses 01 and 03 queued back) or refused (02 with the reason); a status package joins the
/// history of the document we sent. A package already in the inbox, or a document already received under the
/// same edXML DocumentId, is not processed again.
/// </summary>
public sealed class IncomingPackages(
    DocServiceDb db, RevisionStore revisions, Verifier verifier, Arrivals arrivals, ExchangeOutbox outbox,
    AuditChain audit, TimeProvider clock)
{
    public const string SystemActor = "axis";
    const string Malformed = "malformed";

    /// <summary>Answers the acknowledgement the axis is owed: <c>done</c> once committed, <c>fail</c> for a package that cannot be read.</summary>
    public async Task<TransportAck> ProcessAsync(string organ, IAxisTransport transport, ReceivedEdocInfo item, CancellationToken ct)
    {
        // Offered again (our acknowledgement was lost, or the axis delivers at least once): acknowledge as before, do nothing else.
        if (await db.Inbox.Where(i => i.OrganId == organ && i.AxisDocId == item.DocId)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Deliveries, i => i.Deliveries + 1), ct) > 0)
        {
            var earlier = await db.Inbox.Where(i => i.OrganId == organ && i.AxisDocId == item.DocId).Select(i => i.Outcome).SingleAsync(ct);
            return earlier == Malformed ? TransportAck.Fail : TransportAck.Done;
        }

        using var buffer = new MemoryStream();
        await transport.GetEdocAsync(item.DocId, buffer, ct);
        buffer.Position = 0;
        var now = clock.GetUtcNow();
        var inbox = new InboxMessage
        {
            Id = Guid.CreateVersion7(),
            OrganId = organ,
            AxisDocId = item.DocId,
            MessageType = item.MessageType,
            SenderOrganId = item.From,
            ReceivedAt = now,
        };

        EdXmlMessage message;
        try
        {
            message = EdXmlReader.ReadMessage(buffer);
        }
        catch (EdXmlFormatException malformed)
        {
            inbox.Outcome = Malformed;
            inbox.Detail = Truncate(malformed.Message);
            db.Inbox.Add(inbox);
            await db.SaveChangesAsync(ct);
            return TransportAck.Fail;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            switch (message)
            {
                case EdXmlPackage { BusinessDocType: BusinessDocType.New } package:
                    await ReceiveDocumentAsync(organ, package, inbox, now, ct);
                    break;
                case StatusPackage status:
                    await RecordStatusAsync(organ, status, inbox, now, ct);
                    break;
                case EdXmlPackage { BusinessDocType: BusinessDocType.Replace } replacement:
                    await ReceiveDocumentAsync(organ, replacement, inbox, now, ct);
                    if (inbox.Outcome != "duplicate")
                        await ReplaceAsync(organ, replacement, inbox, now, ct);
                    break;
                case EdXmlPackage { BusinessDocType: BusinessDocType.Revoke } revoke:
                    await FreezeAsync(organ, revoke, DocumentFreeze.RevokeRequested, inbox, now, ct);
                    break;
                case EdXmlPackage { BusinessDocType: BusinessDocType.Update } update
                    when update.Trace.Business?.DocumentInfo?.ReceiverList.Any(r => r.OrganId == organ && r.ReceiverType == ReceiverType.Removed) == true:
                    await FreezeAsync(organ, update, DocumentFreeze.RecipientRemoved, inbox, now, ct);
                    break;
                case EdXmlPackage other:
                    inbox.Outcome = "ignored";
                    inbox.Detail = $"Business type {other.BusinessDocType} is not handled yet.";
                    break;
            }
            db.Inbox.Add(inbox);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return TransportAck.Done;
        }
        finally
        {
            (message as IDisposable)?.Dispose();
        }
    }

    async Task ReceiveDocumentAsync(string organ, EdXmlPackage package, InboxMessage inbox, DateTimeOffset now, CancellationToken ct)
    {
        var header = package.Header;
        inbox.EdXmlDocumentId = header.DocumentId;
        var existing = await db.Documents
            .Where(d => d.OrganId == organ && d.Kind == DocumentKind.Incoming && d.SenderDocumentId == header.DocumentId)
            .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            inbox.DocumentId = existing;
            inbox.Outcome = "duplicate";
            return;
        }

        var metadata = new DocumentMetadata(
            header.DocumentType.TypeName is { Length: > 0 } type ? Cut(type, 100) : "Văn bản",
            Cut(header.Subject, 2000),
            header.Code.CodeNotation is { Length: > 0 } notation ? Cut(notation, 50) : null,
            header.SignerInfo?.Competence, header.SignerInfo?.Position, header.SignerInfo?.FullName,
            Enum.IsDefined((Priority)(header.OtherInfo?.Priority ?? 0)) ? (Priority)(header.OtherInfo?.Priority ?? 0) : Priority.Normal,
            header.DueDate,
            null,
            header.ToPlaces is { Count: > 0 } places ? string.Join("\n", places) : null);
        var origin = new IncomingOrigin(header.From.OrganId, header.From.OrganName ?? header.From.OrganId, header.DocumentId,
            int.TryParse(header.Code.CodeNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null,
            header.PromulgationInfo.PromulgationDate);
        var document = Document.ReceiveIncoming(Guid.CreateVersion7(), OrganId.Parse(organ), origin, metadata, now);
        db.Documents.Add(document);
        inbox.DocumentId = document.Id;

        var pdf = package.Attachments.FirstOrDefault(a => a.EntryName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)
            || a.AttachmentName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase));
        string? refusal;
        if (pdf is null)
            refusal = "The package carries no PDF attachment.";
        else
        {
            var bytes = await pdf.Content.ReadAllBytesAsync(ct);
            await revisions.AddAsync(document, new MemoryStream(bytes, writable: false), SystemActor, $"Received from {header.From.OrganId} over the axis", now, ct);
            refusal = await VerifyAsync(document, organ, bytes, pdf.AttachmentName, ct);
        }

        if (refusal is not null)
        {
            document.Refuse(now);
            outbox.Statuses(document, now, (StatusCode.Refused, refusal));
            inbox.Outcome = "refused";
            inbox.Detail = Truncate(refusal);
        }
        else
        {
            await arrivals.RegisterAsync(document, now, ct);
            outbox.Statuses(document, now, (StatusCode.Arrived, null), (StatusCode.Accepted, null));
            inbox.Outcome = "registered";
        }
        await audit.AppendAsync(new AuditRecord(SystemActor, organ, "document.receive", document.Id.ToString(),
            new { DocumentId = document.Id, AxisDocId = inbox.AxisDocId, SenderDocumentId = header.DocumentId, document.ArrivalNumber, Outcome = inbox.Outcome }), ct);
    }

    /// <summary>The reason to refuse the document, or null when its signatures do not fail (INDETERMINATE is not a failure).</summary>
    async Task<string?> VerifyAsync(Document document, string organ, byte[] bytes, string fileName, CancellationToken ct)
    {
        try
        {
            var record = await verifier.VerifyAsync(new MemoryStream(bytes, writable: false), fileName, OrganId.Parse(organ), SystemActor, document.Id, ct);
            return record.Indication == nameof(Indication.TotalFailed)
                ? "Chữ ký số trên văn bản không hợp lệ (TOTAL_FAILED) / The document's signatures failed verification."
                : null;
        }
        catch (ApiException unreadable)
        {
            return $"Không đọc được tệp PDF / The PDF cannot be read: {unreadable.Message}";
        }
    }

    async Task RecordStatusAsync(string organ, StatusPackage status, InboxMessage inbox, DateTimeOffset now, CancellationToken ct)
    {
        inbox.EdXmlDocumentId = status.ResponseFor.DocumentId;
        var documentId = await db.Outbox
            .Where(m => m.OrganId == organ && m.MessageType == AxisMessageType.Edoc && m.EdXmlDocumentId == status.ResponseFor.DocumentId
                && (m.Business == BusinessDocType.New || m.Business == BusinessDocType.Replace))
            .Select(m => m.DocumentId).FirstOrDefaultAsync(ct);
        if (documentId is null)
        {
            inbox.Outcome = "ignored";
            inbox.Detail = $"No document {status.ResponseFor.DocumentId} was sent by {organ}.";
            return;
        }
        inbox.DocumentId = documentId;
        var timestamp = status.Timestamp.ToUniversalTime(); // PostgreSQL keeps instants in UTC only
        // The axis knows no idempotency key: a status sent again after a lost answer arrives under a new docId, the same package.
        if (await db.RecipientStatuses.AnyAsync(s => s.OrganId == organ && s.DocumentId == documentId.Value
                && s.RecipientOrganId == status.From.OrganId && s.Code == (int)status.Code && s.Timestamp == timestamp, ct))
        {
            inbox.Outcome = "duplicate";
            return;
        }
        inbox.Outcome = "status";
        var recorded = new RecipientStatus
        {
            Id = Guid.CreateVersion7(),
            OrganId = organ,
            DocumentId = documentId.Value,
            RecipientOrganId = status.From.OrganId,
            Code = (int)status.Code,
            Description = status.Description,
            Timestamp = timestamp,
            ReceivedAt = now,
            AxisDocId = inbox.AxisDocId,
        };
        db.RecipientStatuses.Add(recorded);
        if (status.Code is StatusCode.RevokeAgreed or StatusCode.RevokeRefused)
            await SettleRevokeAsync(organ, documentId.Value, recorded, ct);
    }

    /// <summary>
    /// The sender asked for the document back (business type 1) or removed this organ from its recipients (type 2):
    /// the incoming copy is frozen, its handling steps refused until the clerk answers the revoke request.
    /// </summary>
    async Task FreezeAsync(string organ, EdXmlPackage package, DocumentFreeze why, InboxMessage inbox, DateTimeOffset now, CancellationToken ct)
    {
        var senderDocumentId = package.Trace.Business?.DocumentId is { Length: > 0 } id ? id : package.Header.DocumentId;
        inbox.EdXmlDocumentId = senderDocumentId;
        var document = await db.Documents
            .Where(d => d.OrganId == organ && d.Kind == DocumentKind.Incoming && d.SenderDocumentId == senderDocumentId
                && d.SenderOrganId == package.Header.From.OrganId)
            .FirstOrDefaultAsync(ct);
        if (document is null || !DocumentLifecycle.CanFreeze(document.Status))
        {
            inbox.DocumentId = document?.Id;
            inbox.Outcome = "ignored";
            inbox.Detail = document is null
                ? $"No document {senderDocumentId} was received from {package.Header.From.OrganId}."
                : $"The document is {document.Status}: nothing to freeze.";
            return;
        }
        var reason = package.Trace.Business?.BusinessDocReason;
        document.Freeze(why, reason is null ? null : Truncate(reason), now);
        inbox.DocumentId = document.Id;
        inbox.Outcome = why == DocumentFreeze.RevokeRequested ? "revoke" : "removed";
        await audit.AppendAsync(new AuditRecord(SystemActor, organ, why == DocumentFreeze.RevokeRequested ? "document.revoke_requested" : "document.recipient_removed",
            document.Id.ToString(), new { DocumentId = document.Id, AxisDocId = inbox.AxisDocId, SenderDocumentId = senderDocumentId, Reason = reason }), ct);
    }

    /// <summary>
    /// A replacement (business type 3) was received as a new document: it is linked to each earlier document of the
    /// same sender it names, and those are frozen.
    /// </summary>
    async Task ReplaceAsync(string organ, EdXmlPackage package, InboxMessage inbox, DateTimeOffset now, CancellationToken ct)
    {
        var replacement = db.Documents.Local.Single(d => d.Id == inbox.DocumentId); // added by ReceiveDocumentAsync, not saved yet
        foreach (var info in package.Trace.Business?.ReplacementInfoList ?? [])
        {
            var replaced = await db.Documents
                .Where(d => d.OrganId == organ && d.Kind == DocumentKind.Incoming && d.SenderDocumentId == info.DocumentId
                    && d.SenderOrganId == package.Header.From.OrganId)
                .FirstOrDefaultAsync(ct);
            if (replaced is null)
                continue;
            replacement.LinkReplaced(replaced.Id, now);
            if (DocumentLifecycle.CanFreeze(replaced.Status) && replaced.Frozen is null)
                replaced.Freeze(DocumentFreeze.Replaced, $"Thay thế bởi / Replaced by {package.Header.DocumentId}", now);
            await db.SaveChangesAsync(ct); // in the package's transaction: the audit chain reads the entry appended before
            await audit.AppendAsync(new AuditRecord(SystemActor, organ, "document.replaced", replaced.Id.ToString(),
                new { DocumentId = replaced.Id, ReplacedBy = replacement.Id, SenderDocumentId = info.DocumentId }), ct);
        }
    }

    /// <summary>
    /// A recipient answered our revoke request. When every organ asked has answered, the document is revoked if all
    /// agreed (15), and stays dispatched if any refused (16).
    /// </summary>
    async Task SettleRevokeAsync(string organ, Guid documentId, RecipientStatus answer, CancellationToken ct)
    {
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId && d.OrganId == organ, ct);
        if (document is not { Status: DocumentStatus.RevokeRequested })
            return;
        var requests = await db.Outbox.AsNoTracking()
            .Where(m => m.OrganId == organ && m.DocumentId == documentId && m.MessageType == AxisMessageType.Edoc && m.Business == BusinessDocType.Revoke)
            .Select(m => new { m.RecipientOrganId, m.CreatedAt }).ToListAsync(ct);
        if (requests.Count == 0)
            return;
        var since = requests.Max(r => r.CreatedAt);
        var asked = requests.Where(r => r.CreatedAt == since).Select(r => r.RecipientOrganId).ToHashSet();
        var answers = (await db.RecipientStatuses.AsNoTracking()
                .Where(s => s.OrganId == organ && s.DocumentId == documentId
                    && (s.Code == (int)StatusCode.RevokeAgreed || s.Code == (int)StatusCode.RevokeRefused))
                .ToListAsync(ct))
            .Where(s => s.ReceivedAt >= since)
            .Append(answer)
            .GroupBy(s => s.RecipientOrganId)
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.ReceivedAt)!.Code);
        if (!asked.All(answers.ContainsKey))
            return;
        var agreed = asked.All(r => answers[r] == (int)StatusCode.RevokeAgreed);
        if (agreed)
            document.Revoke(answer.ReceivedAt);
        else
            document.CancelRevoke(answer.ReceivedAt);
        await audit.AppendAsync(new AuditRecord(SystemActor, organ, agreed ? "document.revoked" : "document.revoke_refused", document.Id.ToString(),
            new { DocumentId = document.Id, Answers = answers }), ct);
    }

    static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    static string Truncate(string text) => Cut(text, 2000);
}
