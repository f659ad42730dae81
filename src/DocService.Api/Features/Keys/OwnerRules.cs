using DocService.Api.Domain.Keys;
using DocService.Drafting.Validation;

namespace DocService.Api.Features.Keys;

/// <summary>
/// Who a key or an image belongs to: an official by their user name (the rules of a user name), or the organ by its
/// code. The id is stored, indexed and printed in audit entries, so it is bounded like every other name.
/// </summary>
public static class OwnerRules
{
    public const int MaxOwnerIdLength = 200;

    public static IEnumerable<(string Field, string Problem)> CheckOwnerId(KeyOwnerKind? kind, string? ownerId)
    {
        if (string.IsNullOrEmpty(ownerId))
            yield break;
        if (ownerId.Length > MaxOwnerIdLength)
            yield return ("ownerId", $"The owner id has at most {MaxOwnerIdLength} characters.");
        else if (kind == KeyOwnerKind.Organ && !Domain.OrganId.TryParse(ownerId, out _))
            yield return ("ownerId", "An organ is named by its 13-character code like 000.00.00.H41.");
        else if (ownerId.Contains('/') || PlainText.Problem(ownerId) is not null)
            yield return ("ownerId", "The owner id has no '/', no control and no bidirectional characters.");
    }
}
