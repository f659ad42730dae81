using DocService.Api.Features.Documents;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Storage;
using DocService.Exchange.Model;
using DocService.Exchange.Writing;
using Microsoft.EntityFrameworkCore;
using DocumentType = DocService.Exchange.Model.DocumentType;
using ExchangeCode = DocService.Exchange.Model.DocumentCode;

namespace DocService.Api.Infrastructure.Exchange;

/// <summary>
/// The edXML bytes of an outbox message. Built once and kept in the object store under the message's id, so that
/// every attempt sends the very same bytes (a repeat after a lost answer is then a true duplicate that the recipient recognises, and the
/// writer stamps ZIP entries with the time).
/// </summary>
public sealed class ExchangePackages(DocServiceDb db, IObjectStore store, RevisionStore revisions)
{
    public static string EdXmlDocumentId(Domain.Document document) =>
        MessageHeader.ComposeDocumentId(document.OrganId, document.IssuedDate ?? throw new InvalidOperationException("The document is not issued."),
            CodeOf(document));

    /// <summary>Số as the document prints it (Decree 30: a leading zero below 10), and ký hiệu.</summary>
    static ExchangeCode CodeOf(Domain.Document document) =>
        new(Domain.DocumentCode.Format(document.CodeNumber, null) ?? "", document.CodeNotation ?? "");

    public async Task<Stream> OpenAsync(OutboxMessage message, CancellationToken ct)
    {
        var key = $"organs/{message.OrganId}/exchange/outbox/{message.Id:N}.edxml";
        if (!await store.ExistsAsync(key, ct))
        {
            var bytes = EdXmlWriter.ToBytes(await BuildAsync(message, ct));
            try
            {
                await store.PutAsync(key, new MemoryStream(bytes, writable: false), ct);
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another worker built it in the meantime: send the bytes stored, not ours.
            }
        }
        var stored = await store.OpenReadAsync(key, ct);
        var copy = new MemoryStream();
        await using (stored)
            await stored.CopyToAsync(copy, ct);
        copy.Position = 0;
        return copy;
    }

    static Business BusinessOf(OutboxMessage message)
    {
        var changes = message.ReceiverChanges is { Length: > 0 } list
            ? new BusinessDocumentInfo(false, true, new ValueList<Receiver>(list.Split(';').Select(c => c.Split(':'))
                .Select(c => new Receiver(c[0], c[1] == "1" ? ReceiverType.Added : ReceiverType.Removed))))
            : null;
        var replaces = message.Replaces is { Length: > 0 } replaced && replaced.Split('|') is [var id, var organs]
            ? new ValueList<ReplacementInfo>([new ReplacementInfo(id, new ValueList<string>(organs.Split(';', StringSplitOptions.RemoveEmptyEntries)))])
            : null;
        return new Business(message.EdXmlDocumentId, message.Business,
            message.Business == BusinessDocType.New ? null : message.Description, DocumentInfo: changes, ReplacementInfoList: replaces);
    }

    async Task<EdXmlMessage> BuildAsync(OutboxMessage message, CancellationToken ct)
    {
        var organ = await db.Organs.AsNoTracking().SingleOrDefaultAsync(o => o.Id == message.OrganId, ct);
        var from = new Organization(message.OrganId, organ?.Name);
        if (message.MessageType == DocService.Exchange.Transport.AxisMessageType.Status)
        {
            return new StatusPackage(from,
                new ResponseFor(message.RecipientOrganId, message.ResponseForCode, message.ResponseForDate, message.EdXmlDocumentId),
                (StatusCode)message.StatusCode!.Value, message.Description, message.CreatedAt.ToOffset(Domain.VietnamTime.Offset));
        }

        var document = await db.Documents.AsNoTracking().Include(d => d.Revisions).SingleAsync(d => d.Id == message.DocumentId, ct);
        byte[] pdf;
        await using (var content = await revisions.OpenAsync(document.CurrentRevision, ct))
        {
            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, ct);
            pdf = buffer.ToArray();
        }
        var code = CodeOf(document);
        var fileName = $"{document.CodeNumber}-{document.CodeNotation}.pdf".Replace('/', '-');
        var header = new MessageHeader(
            from,
            [new Organization(message.RecipientOrganId)],
            message.EdXmlDocumentId,
            code,
            new PromulgationInfo(null, document.IssuedDate),
            new DocumentType(1, 0, document.TypeName),
            document.Subject,
            SignerInfo: new SignerInfo(document.SignerCompetence, document.SignerPosition, document.SignerFullName),
            DueDate: document.DueDate,
            OtherInfo: new OtherInfo(Priority: (int)document.Priority),
            ToPlaces: document.ToPlaces is { Length: > 0 } places ? [places] : null);
        var at = message.CreatedAt.ToOffset(Domain.VietnamTime.Offset);
        return new EdXmlPackage(header,
            new TraceHeaderList([new TraceHeader(message.OrganId, at)], BusinessOf(message)),
            [new EdXmlAttachment($"cid:{message.Id:N}", fileName, document.Subject.Length > 200 ? document.Subject[..200] : document.Subject,
                $"{message.Id}.pdf", AttachmentContent.FromBytes(pdf))]);
    }
}
