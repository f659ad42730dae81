using DocService.Api.Domain;
using DocService.Api.Infrastructure.Exchange;
using DocService.Exchange.Model;

namespace DocService.Api.Features.Handling;

/// <summary>
/// The three steps of handling an incoming document — assigned (04), processing (05), completed (06) — each moving
/// the document and, when it came over the axis, reporting the step to its sender through the outbox. The clerk's
/// direct status report and the leader's and officials' handling go through the same steps.
/// </summary>
public sealed class HandlingSteps(ExchangeOutbox outbox)
{
    public void Assign(Document document, string? assignedTo, string? note, DateTimeOffset at)
    {
        document.Assign(assignedTo, at);
        Report(document, StatusCode.Assigned, note, at);
    }

    public void StartProcessing(Document document, string? note, DateTimeOffset at)
    {
        document.StartProcessing(at);
        Report(document, StatusCode.Processing, note, at);
    }

    public void Complete(Document document, string? note, DateTimeOffset at)
    {
        document.Complete(at);
        Report(document, StatusCode.Completed, note, at);
    }

    void Report(Document document, StatusCode code, string? note, DateTimeOffset at)
    {
        if (document.ReceivedVia == ArrivalChannel.Axis && document.SenderDocumentId is not null && document.SenderOrganId is not null)
            outbox.Statuses(document, at, (code, note));
    }
}
