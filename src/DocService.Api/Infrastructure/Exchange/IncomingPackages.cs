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
    DocServiceDb db, RevisionStore revisions, Verifier verifier, Registers.Registers registers, ExchangeOutbox outbox,
    AuditChain audit, TimeProvider clock)
{
    public const string SystemActor = "axis";

    public async Task ProcessAsync(string organ, IAxisTransport transport, ReceivedEdocInfo item, CancellationToken ct)
    {
        // Offered again (our acknowledgement was lost, or the axis delivers at least once): acknowledge, do nothing else.
        if (await db.Inbox.Where(i => i.OrganId == organ && i.AxisDocId == item.DocId)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Deliveries, i => i.Deliveries + 1), ct) > 0)
            return;

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
            inbox.Outcome = "malformed";
            inbox.Detail = Truncate(malformed.Message);
            db.Inbox.Add(inbox);
            await db.SaveChangesAsync(ct);
            return;
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
                case EdXmlPackage other:
                    inbox.Outcome = "ignored";
                    inbox.Detail = $"Business type {other.BusinessDocType} is not handled yet.";
                    break;
            }
            db.Inbox.Add(inbox);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
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
            var arrival = await registers.TakeNumberAsync(RegisterKind.Incoming, OrganId.Parse(organ), VietnamTime.Today(now).Year, ct);
            document.Register(arrival, now);
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
            .Where(m => m.OrganId == organ && m.MessageType == AxisMessageType.Edoc && m.EdXmlDocumentId == status.ResponseFor.DocumentId)
            .Select(m => m.DocumentId).FirstOrDefaultAsync(ct);
        if (documentId is null)
        {
            inbox.Outcome = "ignored";
            inbox.Detail = $"No document {status.ResponseFor.DocumentId} was sent by {organ}.";
            return;
        }
        inbox.DocumentId = documentId;
        inbox.Outcome = "status";
        db.RecipientStatuses.Add(new RecipientStatus
        {
            Id = Guid.CreateVersion7(),
            OrganId = organ,
            DocumentId = documentId.Value,
            RecipientOrganId = status.From.OrganId,
            Code = (int)status.Code,
            Description = status.Description,
            Timestamp = status.Timestamp.ToUniversalTime(), // PostgreSQL keeps instants in UTC only
            ReceivedAt = now,
            AxisDocId = inbox.AxisDocId,
        });
    }

    static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    static string Truncate(string text) => Cut(text, 2000);
}
