namespace DocService.Exchange.Model;

/// <summary>
/// An organ as edXML names it in <c>From</c>, <c>To</c> and <c>ResponseFor</c>. <see cref="OrganId"/>
/// is the 13-character electronic identifier code (mã định danh), e.g. <c>000.00.00.H41</c>.
/// </summary>
public sealed record Organization(
    string OrganId,
    string? OrganName = null,
    string? OrganizationInCharge = null, // cơ quan chủ quản
    string? OrganAdd = null,
    string? Email = null,
    string? Telephone = null,
    string? Fax = null,
    string? Website = null);

/// <summary>Who handled the package at an organ (edXML <c>StaffInfo</c>).</summary>
public sealed record StaffInfo(string? Department = null, string? Staff = null, string? Mobile = null, string? Email = null);
