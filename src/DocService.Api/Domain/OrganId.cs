using System.Text.RegularExpressions;

namespace DocService.Api.Domain;

/// <summary>
/// An agency's identifier on the national document axis (mã định danh), e.g. <c>000.00.00.H41</c>:
/// 13 characters in four dot-separated groups, per Decision 20/2020/QĐ-TTg.
/// </summary>
public readonly partial record struct OrganId
{
    public string Value { get; }

    OrganId(string value) => Value = value;

    public static OrganId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new ArgumentException($"'{value}' is not an organ code like 000.00.00.H41.", nameof(value));

    public static bool TryParse(string? value, out OrganId id)
    {
        id = default;
        if (value is null || !Format().IsMatch(value))
            return false;
        id = new OrganId(value);
        return true;
    }

    public override string ToString() => Value;

    [GeneratedRegex(@"^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[0-9A-Z]{3}$")]
    private static partial Regex Format();
}
