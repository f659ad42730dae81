namespace DocService.Api.Infrastructure.Auth;

public static class Roles
{
    public const string Drafter = "drafter"; // chuyên viên
    public const string Signer = "signer";   // lãnh đạo, người có thẩm quyền ký
    public const string Clerk = "clerk";     // văn thư
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { Drafter, Signer, Clerk, Auditor, Admin };
}

/// <summary>The claims DocService reads from a token, with the names it expects them under.</summary>
public static class DocServiceClaims
{
    public const string User = "sub";
    public const string Name = "name";
    public const string Organ = "organ";
    public const string Role = "role";
}

/// <summary>Named authorisation policies: one per kind of work, so endpoints say what they need.</summary>
public static class Policies
{
    public const string Member = "member";
    public const string Drafter = "drafting";
    public const string Reviewer = "reviewing";
    public const string Clerk = "issuing";
    public const string RegisterReader = "reading-registers";
    /// <summary>Placing the issue fields on an uploaded PDF: the drafter who uploaded it or the clerk who will issue it.</summary>
    public const string FieldPreparer = "preparing-fields";
    public const string Auditor = "auditing";
    /// <summary>Re-hashing an archive package: the auditor, or the clerk who keeps the archive.</summary>
    public const string ArchiveChecker = "checking-archives";
    public const string Admin = "administering";
}
