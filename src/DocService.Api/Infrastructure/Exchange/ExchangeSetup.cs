using DocService.Api.Infrastructure.Persistence;
using DocService.Exchange.Model;
using DocService.Exchange.Transport;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Infrastructure.Exchange;

public static class ExchangeSetup
{
    public static IServiceCollection AddDocServiceExchange(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ExchangeOptions.Section);
        services.AddOptions<ExchangeOptions>().Bind(section)
            .Validate(o => string.Equals(o.Protocol, VdxpProtocol.Name, StringComparison.OrdinalIgnoreCase),
                $"Axis:Protocol names a protocol this service does not speak; the national axis speaks {VdxpProtocol.Name}.")
            .ValidateOnStart();
        services.AddSingleton<AxisTransports>();
        services.AddScoped<ExchangeOutbox>();
        services.AddScoped<ExchangePackages>();
        services.AddScoped<IncomingPackages>();
        if (section.GetValue(nameof(ExchangeOptions.Enabled), false))
        {
            services.AddHostedService<DispatchWorker>();
            services.AddHostedService<ReceiveWorker>();
        }
        return services;
    }
}

/// <summary>What commands call to send over the axis: outbox rows in the caller's transaction.</summary>
public sealed class ExchangeOutbox(DocServiceDb db)
{
    public IReadOnlyList<OutboxMessage> Dispatch(Domain.Document document, IEnumerable<string> recipients, DateTimeOffset at,
        (Domain.Document Document, IReadOnlyList<string> Recipients)? replaces = null)
    {
        var documentId = ExchangePackages.EdXmlDocumentId(document);
        var replacement = replaces is { } r0 ? $"{ExchangePackages.EdXmlDocumentId(r0.Document)}|{string.Join(";", r0.Recipients)}" : null;
        var messages = recipients.Distinct().Select(r => OutboxMessage.Package(document.OrganId, document.Id, r, documentId, at,
            replacement is null ? BusinessDocType.New : BusinessDocType.Replace, replaces: replacement)).ToList();
        db.Outbox.AddRange(messages);
        return messages;
    }

    /// <summary>
    /// The organs that hold the dispatched document now: each one sent a new package, less those an update removed
    /// since. In the order they were first sent to.
    /// </summary>
    public async Task<List<string>> ActiveRecipientsAsync(Domain.Document document, CancellationToken ct)
    {
        var packages = await db.Outbox.AsNoTracking()
            .Where(m => m.OrganId == document.OrganId && m.DocumentId == document.Id && m.MessageType == AxisMessageType.Edoc
                && (m.Business == BusinessDocType.New || m.Business == BusinessDocType.Replace || m.Business == BusinessDocType.Update))
            .Select(m => new { m.RecipientOrganId, m.Business, m.CreatedAt, m.Ordinal })
            .ToListAsync(ct);
        var active = new List<string>();
        foreach (var p in packages.OrderBy(p => p.CreatedAt).ThenBy(p => p.Ordinal))
        {
            if (p.Business != BusinessDocType.Update && !active.Contains(p.RecipientOrganId))
                active.Add(p.RecipientOrganId);
            else if (p.Business == BusinessDocType.Update)
                active.Remove(p.RecipientOrganId); // update packages go to removed organs only
        }
        return active;
    }

    /// <summary>Every organ ever sent the document (a new package), removed or not.</summary>
    public Task<List<string>> EverSentAsync(Domain.Document document, CancellationToken ct) =>
        db.Outbox.AsNoTracking()
            .Where(m => m.OrganId == document.OrganId && m.DocumentId == document.Id && m.MessageType == AxisMessageType.Edoc
                && (m.Business == BusinessDocType.New || m.Business == BusinessDocType.Replace))
            .Select(m => m.RecipientOrganId).Distinct().ToListAsync(ct);

    /// <summary>A revoke package (business type 1) to each recipient, and status 13 in each one's history.</summary>
    public void Revoke(Domain.Document document, IReadOnlyList<string> recipients, string reason, DateTimeOffset at)
    {
        var documentId = ExchangePackages.EdXmlDocumentId(document);
        foreach (var r in recipients)
        {
            db.Outbox.Add(OutboxMessage.Package(document.OrganId, document.Id, r, documentId, at, BusinessDocType.Revoke, reason));
            db.RecipientStatuses.Add(new RecipientStatus
            {
                Id = Guid.CreateVersion7(),
                OrganId = document.OrganId,
                DocumentId = document.Id,
                RecipientOrganId = r,
                Code = (int)StatusCode.RevokeRequested,
                Description = reason,
                // Whole seconds, as the edXML timestamps of the answers: 13 sorts before a 15/16 of the same second.
                Timestamp = new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero),
                ReceivedAt = at,
                AxisDocId = "",
            });
        }
    }

    /// <summary>
    /// Recipients changed (business type 2): the added organs get the document as a new package, the removed ones an
    /// update package whose receiver list names every change.
    /// </summary>
    public void UpdateRecipients(Domain.Document document, IReadOnlyList<string> added, IReadOnlyList<string> removed, DateTimeOffset at)
    {
        var documentId = ExchangePackages.EdXmlDocumentId(document);
        var changes = string.Join(";", added.Select(a => $"{a}:1").Concat(removed.Select(r => $"{r}:0")));
        foreach (var r in removed)
            db.Outbox.Add(OutboxMessage.Package(document.OrganId, document.Id, r, documentId, at, BusinessDocType.Update,
                "Cơ quan không còn là nơi nhận văn bản / The organ is no longer a recipient.", changes));
        Dispatch(document, added, at);
    }

    /// <summary>Status packages answering an incoming document, sent in the order given.</summary>
    public void Statuses(Domain.Document incoming, DateTimeOffset at, params (StatusCode Code, string? Description)[] statuses)
    {
        var code = Domain.DocumentCode.Format(incoming.CodeNumber, incoming.CodeNotation);
        for (var i = 0; i < statuses.Length; i++)
        {
            db.Outbox.Add(OutboxMessage.Status(incoming.OrganId, incoming.Id, incoming.SenderOrganId!, incoming.SenderDocumentId!, code,
                incoming.IssuedDate, statuses[i].Code, statuses[i].Description, i, at));
        }
    }
}
