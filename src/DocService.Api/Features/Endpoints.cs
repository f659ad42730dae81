using DocService.Api.Features.Archive;
using DocService.Api.Features.Audit;
using DocService.Api.Features.Documents;
using DocService.Api.Features.Drafting;
using DocService.Api.Features.Keys;
using DocService.Api.Features.Signing;
using DocService.Api.Features.Verification;
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
        CreateDraftDocument.Map(documents);
        GetDraft.Map(documents);
        RedraftDocument.Map(documents);
        AddIssueFields.Map(documents);
        ListDocuments.Map(documents);
        GetDocument.Map(documents);
        DownloadRevision.Map(documents);
        SubmitDocument.Map(documents);
        ApproveDocument.Map(documents);
        RejectDocument.Map(documents);
        SignDocument.Map(documents);
        IssueDocument.Map(documents);
        ExtendDocument.Map(documents);
        OpenSigningSession.Map(documents);
        GetArchiveManifest.Map(documents);
        CheckArchive.Map(documents);
        Exchange.DispatchDocument.Map(documents);
        Exchange.GetRecipients.Map(documents);
        Exchange.ReportStatus.Map(documents);
        Exchange.RevokeDocument.Map(documents);
        Exchange.AnswerRevoke.Map(documents);
        Exchange.UpdateRecipients.Map(documents);
        Handling.AssignDocument.Map(documents);
        Handling.RecordOpinion.Map(documents);
        Handling.CompleteHandling.Map(documents);
        Handling.GetDocumentHistory.Map(documents);

        var incoming = api.MapGroup("/incoming").WithTags("Incoming");
        Incoming.RegisterArrival.Map(incoming, app.Services.GetRequiredService<IOptions<DocumentsOptions>>().Value.MaxUploadBytes);

        var signingSessions = api.MapGroup("/signing-sessions").WithTags("Signing sessions");
        CompleteSigningSession.Map(signingSessions);

        if (Infrastructure.Timestamps.TimestampSetup.DevelopmentAuthorityEnabled(app.Configuration, app.Environment)
            && app.Services.GetService<DocService.Signing.Timestamps.TimestampAuthority>() is not null)
            DevelopmentTimestamps.Map(api);
        if (app.Services.GetService<Infrastructure.Validation.DevelopmentCa>() is not null)
            DevelopmentRevocation.Map(api);

        var registers = api.MapGroup("/registers").WithTags("Registers");
        ViewOutgoingRegister.Map(registers);
        ViewIncomingRegister.Map(registers);

        VerifyStoredDocument.Map(documents);

        var verifications = api.MapGroup("/verifications").WithTags("Verification");
        VerifyUpload.Map(verifications, app.Services.GetRequiredService<IOptions<DocumentsOptions>>().Value.MaxUploadBytes);
        ListVerifications.Map(verifications);
        GetVerification.Map(verifications);
        DownloadSignedVersion.Map(verifications);
        DownloadVerificationReport.Map(verifications);
        GetSimpleReport.Map(verifications);
        DownloadEtsiReport.Map(verifications);

        var admin = api.MapGroup("/admin").WithTags("Administration");
        var organs = admin.MapGroup("/organs").WithTags("Organs and officials");
        Administration.CreateOrgan.Map(organs);
        Administration.ListOrgans.Map(organs);
        Administration.ChangeOrgan.Map(organs);
        Administration.DeactivateOrgan.Map(organs);
        var units = admin.MapGroup("/units").WithTags("Organs and officials");
        Administration.CreateUnit.Map(units);
        Administration.ListUnits.Map(units);
        Administration.ChangeUnit.Map(units);
        Administration.DeactivateUnit.Map(units);
        var users = admin.MapGroup("/users").WithTags("Organs and officials");
        Administration.CreateOfficial.Map(users);
        Administration.ListOfficials.Map(users);
        Administration.ChangeOfficial.Map(users);
        Administration.DeactivateOfficial.Map(users);
        Administration.ConfigureWebhook.Map(admin);
        Administration.GetWebhook.Map(admin);
        ManageTrustAnchors.Map(admin);
        UploadSigningKey.Map(admin);
        ResealKeys.Map(admin);
        ListSigningKeys.Map(admin);
        RegisterCertificate.Map(admin);
        ListCertificates.Map(admin);
        ApproveCertificate.Map(admin);
        RemoveCertificate.Map(admin);
        BindOwnCertificate.Map(api);
        UploadOwnerImage.Map(admin);
        Jobs.ListJobs.Map(admin);
        Jobs.RetryJob.Map(admin);

        Statistics.GetStatistics.Map(api);
        Infrastructure.Exchange.DevelopmentAxis.Map(app);

        var audit = api.MapGroup("/audit").WithTags("Audit");
        ListAuditEntries.Map(audit);
        VerifyAuditChain.Map(audit);
        return app;
    }
}
