namespace DocService.Api.Infrastructure.Auth;

public static class Roles
{
    public const string Drafter = "drafter"; // chuyên viên
    public const string Signer = "signer";   // lãnh đạo, người có thẩm quyền ký
    public const string Clerk = "clerk";     // văn thư
    public const string Auditor = "auditor";
    public const string Admin = "admin";     // an organ's administrator: its units, officials, keys, trust anchors

    /// <summary>The platform's administrator: creates organs; belongs to no organ, so the token carries no organ claim.</summary>
    public const string PlatformAdmin = "platform-admin";

    /// <summary>The roles an official of an organ can hold.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string> { Drafter, Signer, Clerk, Auditor, Admin };
}

/// <summary>The claims DocService reads from a token, with the names it expects them under.</summary>
public static class DocServiceClaims
{
    public const string User = "sub";
    public const string Name = "name";
    public const string Organ = "organ";
    public const string Role = "role";

    /// <summary>Added (never issued) when the organ or official the token names was deactivated here.</summary>
    public const string Deactivated = "docservice:deactivated";
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
    public const string PlatformAdmin = "administering-the-platform";
    /// <summary>An organ's admin within their organ, or the platform admin for any organ.</summary>
    public const string OrganAdmin = "administering-organs";
    /// <summary>Reading the organ's directory (units, officials): any member of it, or the platform admin.</summary>
    public const string MemberOrPlatformAdmin = "reading-the-directory";
}
