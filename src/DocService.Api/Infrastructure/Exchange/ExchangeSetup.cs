using DocService.Api.Infrastructure.Persistence;
using DocService.Exchange.Model;

namespace DocService.Api.Infrastructure.Exchange;

public static class ExchangeSetup
{
    public static IServiceCollection AddDocServiceExchange(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ExchangeOptions.Section);
        services.Configure<ExchangeOptions>(section);
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
    public IReadOnlyList<OutboxMessage> Dispatch(Domain.Document document, IEnumerable<string> recipients, DateTimeOffset at)
    {
        var documentId = ExchangePackages.EdXmlDocumentId(document);
        var messages = recipients.Distinct().Select(r => OutboxMessage.Package(document.OrganId, document.Id, r, documentId, at)).ToList();
        db.Outbox.AddRange(messages);
        return messages;
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
