using DocService.Api.Domain;

namespace DocService.Api.Tests.Domain;

public sealed class DocumentLifecycleTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);

    static Document Draft() => Document.CreateOutgoing(Guid.NewGuid(), OrganId.Parse("000.00.00.H41"),
        new DocumentMetadata("Quyết định", "Về việc ban hành quy chế"), "drafter", Now);

    [Theory]
    [InlineData(DocumentStatus.Draft, DocumentAction.Redraft, DocumentStatus.Draft)]
    [InlineData(DocumentStatus.Draft, DocumentAction.Submit, DocumentStatus.InReview)]
    [InlineData(DocumentStatus.InReview, DocumentAction.Approve, DocumentStatus.Approved)]
    [InlineData(DocumentStatus.InReview, DocumentAction.Reject, DocumentStatus.Draft)]
    [InlineData(DocumentStatus.Approved, DocumentAction.Sign, DocumentStatus.Signed)]
    [InlineData(DocumentStatus.Signed, DocumentAction.Issue, DocumentStatus.Issued)]
    [InlineData(DocumentStatus.Issued, DocumentAction.Archive, DocumentStatus.Archived)]
    [InlineData(DocumentStatus.Archived, DocumentAction.Dispatch, DocumentStatus.Dispatched)]
    [InlineData(DocumentStatus.Dispatched, DocumentAction.UpdateRecipients, DocumentStatus.Dispatched)]
    [InlineData(DocumentStatus.Dispatched, DocumentAction.RequestRevoke, DocumentStatus.RevokeRequested)]
    [InlineData(DocumentStatus.RevokeRequested, DocumentAction.Revoke, DocumentStatus.Revoked)]
    [InlineData(DocumentStatus.RevokeRequested, DocumentAction.CancelRevoke, DocumentStatus.Dispatched)]
    [InlineData(DocumentStatus.Received, DocumentAction.Register, DocumentStatus.Registered)]
    [InlineData(DocumentStatus.Received, DocumentAction.Refuse, DocumentStatus.Refused)]
    [InlineData(DocumentStatus.Registered, DocumentAction.Assign, DocumentStatus.Assigned)]
    [InlineData(DocumentStatus.Assigned, DocumentAction.StartProcessing, DocumentStatus.InProgress)]
    [InlineData(DocumentStatus.InProgress, DocumentAction.Complete, DocumentStatus.Completed)]
    public void Design_transitions_lead_where_the_design_says(DocumentStatus from, DocumentAction action, DocumentStatus to) =>
        DocumentLifecycle.Next(from, action).ShouldBe(to);

    [Fact]
    public void Every_other_pair_of_status_and_action_is_refused()
    {
        var allowed = 0;
        foreach (var status in Enum.GetValues<DocumentStatus>())
        foreach (var action in Enum.GetValues<DocumentAction>())
        {
            if (DocumentLifecycle.AllowedFrom(status).Contains(action))
            {
                allowed++;
                continue;
            }
            var error = Should.Throw<InvalidTransitionException>(() => DocumentLifecycle.Next(status, action));
            error.Code.ShouldBe("document.invalid_transition");
        }
        allowed.ShouldBe(17);
    }

    [Theory]
    [InlineData(DocumentFreeze.RevokeRequested)]
    [InlineData(DocumentFreeze.RecipientRemoved)]
    public void A_frozen_incoming_document_takes_no_handling_step(DocumentFreeze why)
    {
        foreach (var action in new[] { DocumentAction.Assign, DocumentAction.StartProcessing, DocumentAction.Complete })
        foreach (var status in new[] { DocumentStatus.Registered, DocumentStatus.Assigned, DocumentStatus.InProgress })
        {
            if (!DocumentLifecycle.AllowedFrom(status).Contains(action))
                continue;
            Should.Throw<DocumentFrozenException>(() => DocumentLifecycle.Next(status, action, why)).Code.ShouldBe("document.frozen");
            DocumentLifecycle.AllowedFrom(status, why).ShouldNotContain(action);
        }
        DocumentLifecycle.AllowedFrom(DocumentStatus.Registered, why).ShouldBe(why == DocumentFreeze.RevokeRequested ? [DocumentAction.Withdraw] : []);
        Should.Throw<InvalidTransitionException>(() => DocumentLifecycle.Next(DocumentStatus.Registered, DocumentAction.Withdraw));
    }

    [Fact]
    public void Issuing_skips_nothing_a_draft_cannot_be_issued()
    {
        var document = Draft();

        Should.Throw<InvalidTransitionException>(() => document.Issue(1, new DateOnly(2026, 11, 26), Now));

        document.Status.ShouldBe(DocumentStatus.Draft);
        document.CodeNumber.ShouldBeNull();
    }

    [Fact]
    public void Each_change_bumps_the_version_so_etags_change()
    {
        var document = Draft();
        var before = document.ETag;

        document.Submit(Now);

        document.ETag.ShouldNotBe(before);
    }

    [Fact]
    public void Rejection_without_comment_is_refused_and_changes_nothing()
    {
        var document = Draft();
        document.Submit(Now);
        var version = document.Version;

        Should.Throw<DomainValidationException>(() => document.Reject(" ", Now)).Field.ShouldBe("comment");

        document.Status.ShouldBe(DocumentStatus.InReview);
        document.Version.ShouldBe(version);
    }

    [Fact]
    public void Revisions_are_numbered_from_one_and_the_last_is_current()
    {
        var document = Draft();

        document.AddRevision(new StoredContent("k1", new string('a', 64), 10), "drafter", "Uploaded", Now);
        document.AddRevision(new StoredContent("k2", new string('b', 64), 20), "signer", "Signed", Now);

        document.Revisions.Select(r => r.Number).ShouldBe([1, 2]);
        document.CurrentRevision.StorageKey.ShouldBe("k2");
    }
}
