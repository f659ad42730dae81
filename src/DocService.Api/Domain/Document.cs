namespace DocService.Api.Domain;

/// <summary>
/// The Document aggregate: metadata named as in Decree 30 Phụ lục VI / edXML, its immutable
/// revisions, and its place in the lifecycle. Every change goes through a method here, which
/// guards the transition and bumps <see cref="Version"/> (the ETag and the concurrency token).
/// </summary>
public sealed class Document
{
    readonly List<DocumentRevision> _revisions = [];

    public Guid Id { get; private set; }
    public DocumentKind Kind { get; private set; }
    public string OrganId { get; private set; } = "";
    public DocumentStatus Status { get; private set; }
    public int Version { get; private set; }

    public string TypeName { get; private set; } = "";      // tên loại: Quyết định, Công văn…
    public string Subject { get; private set; } = "";       // trích yếu
    public string? CodeNotation { get; private set; }       // ký hiệu, e.g. QĐ-UBND
    public int? CodeNumber { get; private set; }            // số, from the register
    public DateOnly? IssuedDate { get; private set; }
    public string? SignerCompetence { get; private set; }   // TM., KT., TL., Q.
    public string? SignerPosition { get; private set; }
    public string? SignerFullName { get; private set; }
    public Priority Priority { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public List<string> Recipients { get; private set; } = []; // organ codes on the axis
    public string? ToPlaces { get; private set; }           // Nơi nhận, as printed

    // Incoming documents (văn bản đến).
    public int? ArrivalNumber { get; private set; }
    public DateTimeOffset? ArrivedAt { get; private set; }
    public string? SenderOrganId { get; private set; }
    public string? SenderOrganName { get; private set; }
    public string? SenderDocumentId { get; private set; }   // {OrganId},{yyyy/MM/dd},{số}/{ký hiệu}
    public string? AssignedTo { get; private set; }
    public ArrivalChannel? ReceivedVia { get; private set; }

    /// <summary>When handling finished (status 06): what "on time" is measured by, against <see cref="DueDate"/>.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>
    /// Subject, type, number and notation, sender and the structured draft's text, folded (<see cref="VietnameseText"/>):
    /// what a search matches, kept current on every change.
    /// </summary>
    public string SearchText { get; private set; } = "";

    /// <summary>Set while the sender asks for the incoming document back, or after it removed this organ from the recipients.</summary>
    public DocumentFreeze? Frozen { get; private set; }
    public string? FrozenNote { get; private set; }
    public DateTimeOffset? FrozenAt { get; private set; }

    /// <summary>The incoming document this one replaces (business type 3), frozen as <see cref="DocumentFreeze.Replaced"/>.</summary>
    public Guid? ReplacesDocumentId { get; private set; }

    public string? ReviewComment { get; private set; }

    /// <summary>How long the archived record is kept (thời hạn bảo quản): a retention class name, chosen when the document is issued.</summary>
    public string? RetentionClass { get; private set; }

    /// <summary>The structured draft (JSON) a rendered document was made from, so it can be edited and rendered again.</summary>
    public string? DraftJson { get; private set; }

    /// <summary>
    /// The place (địa danh) an uploaded PDF's date field prints before the date ("Hà Nội, ngày …"), for a
    /// PDF that leaves the whole date line to the field. A rendered draft prints its place on the page.
    /// </summary>
    public string? DateLinePlace { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<DocumentRevision> Revisions => _revisions;
    public DocumentRevision CurrentRevision => _revisions.MaxBy(r => r.Number)
        ?? throw new InvalidOperationException($"Document {Id} has no revision.");

    Document() { }

    public static Document CreateOutgoing(Guid id, OrganId organ, DocumentMetadata metadata, string author, DateTimeOffset at)
    {
        var document = new Document
        {
            Id = id,
            Kind = DocumentKind.Outgoing,
            OrganId = organ.Value,
            Status = DocumentStatus.Draft,
            CreatedBy = author,
            CreatedAt = at,
        };
        document.ApplyMetadata(metadata, at);
        return document;
    }

    /// <summary>An incoming document as it arrived; <paramref name="receivedBy"/> is the clerk who registered it by hand, null for the axis.</summary>
    public static Document ReceiveIncoming(
        Guid id, OrganId organ, IncomingOrigin origin, DocumentMetadata metadata, DateTimeOffset at, string? receivedBy = null)
    {
        var document = new Document
        {
            Id = id,
            Kind = DocumentKind.Incoming,
            OrganId = organ.Value,
            Status = DocumentStatus.Received,
            CreatedBy = receivedBy ?? origin.SenderOrganId ?? origin.SenderOrganName,
            ReceivedVia = origin.Channel,
            CreatedAt = at,
            ArrivedAt = at,
            SenderOrganId = origin.SenderOrganId,
            SenderOrganName = origin.SenderOrganName,
            SenderDocumentId = origin.SenderDocumentId,
            CodeNumber = origin.CodeNumber,
            IssuedDate = origin.IssuedDate,
        };
        document.ApplyMetadata(metadata, at);
        return document;
    }

    public DocumentRevision AddRevision(StoredContent content, string author, string reason, DateTimeOffset at)
    {
        var revision = new DocumentRevision(Id, _revisions.Count + 1, content, author, reason, at);
        _revisions.Add(revision);
        Touch(at);
        return revision;
    }

    public void Submit(DateTimeOffset at) => Move(DocumentAction.Submit, at);

    public void Approve(DateTimeOffset at)
    {
        Move(DocumentAction.Approve, at);
        ReviewComment = null;
    }

    public void Reject(string comment, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(comment))
            throw new DomainValidationException("comment", "A rejection needs a comment that tells the drafter what to change.");
        Move(DocumentAction.Reject, at);
        ReviewComment = comment.Trim();
    }

    /// <summary>The competent signer's signature is on the current revision (Approved → Signed).</summary>
    /// <summary>
    /// The leader signed. A structured draft already names its signer (checked to be who signs); for an uploaded
    /// PDF the register takes the signer from the signature: <paramref name="signedBy"/>, the certificate's name.
    /// </summary>
    public void MarkSigned(DateTimeOffset at, string signedBy)
    {
        Move(DocumentAction.Sign, at);
        if (DraftJson is null)
        {
            SignerFullName = signedBy;
            RefreshSearchText();
        }
    }

    /// <summary>The clerk's issue step: the register number and the date go on the document.</summary>
    public void Issue(int codeNumber, DateOnly issuedDate, DateTimeOffset at)
    {
        Move(DocumentAction.Issue, at);
        CodeNumber = codeNumber;
        IssuedDate = issuedDate;
        RefreshSearchText();
    }

    /// <summary>The issued document's retention class, from which its archived objects take their lock.</summary>
    public void AssignRetention(string retentionClass) => RetentionClass = retentionClass;

    /// <summary>Its archive package is complete in the object store (Issued → Archived).</summary>
    public void Archive(DateTimeOffset at) => Move(DocumentAction.Archive, at);

    /// <summary>The receiving clerk registers an incoming document with its arrival number (số đến).</summary>
    public void Register(int arrivalNumber, DateTimeOffset at)
    {
        Move(DocumentAction.Register, at);
        ArrivalNumber = arrivalNumber;
    }

    /// <summary>The clerk sends the archived document to its recipients over the axis (Archived → Dispatched).</summary>
    public void Dispatch(DateTimeOffset at) => Move(DocumentAction.Dispatch, at);

    /// <summary>The clerk asks every recipient for the dispatched document back (status 13; Dispatched → RevokeRequested).</summary>
    public void RequestRevoke(DateTimeOffset at) => Move(DocumentAction.RequestRevoke, at);

    /// <summary>Every recipient agreed (15): the document is revoked.</summary>
    public void Revoke(DateTimeOffset at) => Move(DocumentAction.Revoke, at);

    /// <summary>Every recipient answered and some refused (16): the document stays dispatched.</summary>
    public void CancelRevoke(DateTimeOffset at) => Move(DocumentAction.CancelRevoke, at);

    /// <summary>Organs were added to or removed from the dispatched document's recipients (business type 2).</summary>
    public void ChangeRecipients(IEnumerable<string> recipients, DateTimeOffset at)
    {
        Move(DocumentAction.UpdateRecipients, at);
        Recipients = [.. recipients];
    }

    /// <summary>The sender asked for the incoming document back or removed this organ: no handling until it is answered.</summary>
    public void Freeze(DocumentFreeze why, string? note, DateTimeOffset at)
    {
        if (Kind != DocumentKind.Incoming || !DocumentLifecycle.CanFreeze(Status))
            throw new InvalidTransitionException(Status, DocumentAction.Withdraw);
        Frozen = why;
        FrozenNote = note;
        FrozenAt = at;
        Touch(at);
    }

    /// <summary>This incoming document replaces an earlier one of the same sender.</summary>
    public void LinkReplaced(Guid replaced, DateTimeOffset at)
    {
        ReplacesDocumentId = replaced;
        Touch(at);
    }

    /// <summary>
    /// The receiving clerk answers the sender's revoke request: agreed (15), the document is withdrawn; refused (16),
    /// it is unfrozen and handled as before.
    /// </summary>
    public void AnswerRevoke(bool agree, DateTimeOffset at)
    {
        if (Frozen != DocumentFreeze.RevokeRequested)
            throw new RevokeNotRequestedException();
        if (agree)
            Move(DocumentAction.Withdraw, at);
        else
            Touch(at);
        Frozen = null;
        FrozenNote = null;
        FrozenAt = null;
    }

    /// <summary>An incoming document is refused (status 02), e.g. because its signatures do not verify.</summary>
    public void Refuse(DateTimeOffset at) => Move(DocumentAction.Refuse, at);

    /// <summary>The receiving organ assigns the document for handling (status 04).</summary>
    public void Assign(string? assignedTo, DateTimeOffset at)
    {
        Move(DocumentAction.Assign, at);
        AssignedTo = assignedTo;
    }

    /// <summary>Handling has started (status 05).</summary>
    public void StartProcessing(DateTimeOffset at) => Move(DocumentAction.StartProcessing, at);

    /// <summary>Handling is finished (status 06).</summary>
    public void Complete(DateTimeOffset at)
    {
        Move(DocumentAction.Complete, at);
        CompletedAt = at;
    }

    /// <summary>The handling deadline (hạn giải quyết) the leader set when assigning.</summary>
    public void SetDueDate(DateOnly dueDate, DateTimeOffset at)
    {
        DueDate = dueDate;
        Touch(at);
    }

    /// <summary>
    /// Keeps the structured draft beside its rendered revision, with the metadata read from it;
    /// only a draft can be redrafted.
    /// </summary>
    public void PlaceDateLine(string? place) => DateLinePlace = place;

    public void RecordDraft(string draftJson, DocumentMetadata metadata, DateTimeOffset at)
    {
        Move(DocumentAction.Redraft, at);
        DraftJson = draftJson;
        ApplyMetadata(metadata, at);
    }

    public string ETag => $"\"{Version}\"";

    void ApplyMetadata(DocumentMetadata metadata, DateTimeOffset at)
    {
        TypeName = metadata.TypeName;
        Subject = metadata.Subject;
        CodeNotation = metadata.CodeNotation;
        SignerCompetence = metadata.SignerCompetence;
        SignerPosition = metadata.SignerPosition;
        SignerFullName = metadata.SignerFullName;
        Priority = metadata.Priority;
        DueDate = metadata.DueDate;
        Recipients = [.. metadata.Recipients];
        ToPlaces = metadata.ToPlaces;
        Touch(at);
    }

    void Move(DocumentAction action, DateTimeOffset at)
    {
        Status = DocumentLifecycle.Next(Status, action, Frozen);
        Touch(at);
    }

    void Touch(DateTimeOffset at)
    {
        Version++;
        UpdatedAt = at;
        RefreshSearchText();
    }

    void RefreshSearchText()
    {
        SearchText = string.Join('\n', new[]
        {
            VietnameseText.Fold(Subject), VietnameseText.Fold(TypeName), VietnameseText.Fold(DocumentCode.Format(CodeNumber, CodeNotation) ?? CodeNotation),
            VietnameseText.Fold(SenderOrganName), VietnameseText.FoldJsonText(DraftJson),
        }.Where(part => part.Length > 0));
    }
}

/// <summary>What the author says about a document; validated at the API edge.</summary>
public sealed record DocumentMetadata(
    string TypeName,
    string Subject,
    string? CodeNotation = null,
    string? SignerCompetence = null,
    string? SignerPosition = null,
    string? SignerFullName = null,
    Priority Priority = Priority.Normal,
    DateOnly? DueDate = null,
    IReadOnlyList<string>? RecipientOrgans = null,
    string? ToPlaces = null)
{
    public IReadOnlyList<string> Recipients => RecipientOrgans ?? [];
}

/// <summary>Who sent an incoming document and how they numbered it.</summary>
public sealed record IncomingOrigin(
    string? SenderOrganId, string SenderOrganName, string? SenderDocumentId, int? CodeNumber, DateOnly? IssuedDate,
    ArrivalChannel Channel = ArrivalChannel.Axis);
