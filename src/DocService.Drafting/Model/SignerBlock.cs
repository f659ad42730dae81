namespace DocService.Drafting.Model;

/// <summary>How the signer signs for someone else (thẩm quyền ký).</summary>
public enum Competence
{
    /// <summary>TM. — on behalf of a collective body, e.g. "TM. ỦY BAN NHÂN DÂN".</summary>
    OnBehalfOfCollective,
    /// <summary>KT. — a deputy signing for the head, e.g. "KT. CHỦ TỊCH".</summary>
    Deputy,
    /// <summary>TL. — signing by order of the head, e.g. "TL. BỘ TRƯỞNG".</summary>
    ByOrder,
    /// <summary>TUQ. — signing under a written authorisation.</summary>
    ByAuthorisation,
    /// <summary>Q. — acting head, e.g. "Q. GIÁM ĐỐC"; the line is itself the signer's position.</summary>
    Acting,
}

/// <summary>One competence line above the signer's position, e.g. KT. + "Chủ tịch".</summary>
public sealed record AuthorityLine(Competence Competence, string For)
{
    public string Prefix => Competence switch
    {
        Competence.OnBehalfOfCollective => "TM.",
        Competence.Deputy => "KT.",
        Competence.ByOrder => "TL.",
        Competence.ByAuthorisation => "TUQ.",
        Competence.Acting => "Q.",
        _ => throw new ArgumentOutOfRangeException(nameof(Competence), Competence, null),
    };
}

/// <summary>
/// The signature block (ô số 7): competence lines, the signer's position, the space for the
/// signature and seal, then the full name. <paramref name="Position"/> may be empty only when the
/// last authority line is <see cref="Competence.Acting"/>, which already names the position.
/// </summary>
public sealed record SignerBlock(IReadOnlyList<AuthorityLine> Authority, string Position, string FullName)
{
    public SignerBlock(string position, string fullName) : this([], position, fullName) { }
}
