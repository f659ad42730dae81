using DocService.Api.Features.Audit;
using DocService.Api.Features.Documents;
using DocService.Api.Features.Registers;
using Microsoft.Extensions.Options;

namespace DocService.Api.Features;

/// <summary>Every route of the API, grouped as the URL space is.</summary>
public static class Endpoints
{
    public static WebApplication MapDocServiceApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");

        var documents = api.MapGroup("/documents").WithTags("Documents");
        UploadDocument.Map(documents, app.Services.GetRequiredService<IOptions<DocumentsOptions>>().Value.MaxUploadBytes);
        ListDocuments.Map(documents);
        GetDocument.Map(documents);
        DownloadRevision.Map(documents);
        SubmitDocument.Map(documents);
        ApproveDocument.Map(documents);
        RejectDocument.Map(documents);

        var registers = api.MapGroup("/registers").WithTags("Registers");
        ViewOutgoingRegister.Map(registers);
        ViewIncomingRegister.Map(registers);

        var audit = api.MapGroup("/audit").WithTags("Audit");
        ListAuditEntries.Map(audit);
        VerifyAuditChain.Map(audit);
        return app;
    }
}
