using DocService.Drafting.Validation;

namespace DocService.Api.Features.Documents;

/// <summary>The field rules every way of describing a document shares (upload form, draft JSON).</summary>
public static class MetadataRules
{
    public static IEnumerable<(string Field, string Problem)> Check(string? typeName, string? subject, string? codeNotation, string? toPlaces)
    {
        foreach (var (field, value) in new[] { ("typeName", typeName), ("subject", subject), ("codeNotation", codeNotation), ("toPlaces", toPlaces) })
        {
            if (PlainText.Problem(value) is { } problem)
                yield return (field, $"The field {problem}.");
        }
        if (string.IsNullOrWhiteSpace(typeName))
            yield return ("typeName", "Name the document type (tên loại), e.g. Quyết định or Công văn.");
        else if (typeName.Length > 100)
            yield return ("typeName", "The document type has at most 100 characters.");
        if (string.IsNullOrWhiteSpace(subject))
            yield return ("subject", "Give the subject (trích yếu).");
        else if (subject.Length > 2000)
            yield return ("subject", "The subject has at most 2000 characters.");
        if (codeNotation is { Length: > 50 })
            yield return ("codeNotation", "The notation (ký hiệu) has at most 50 characters.");
        if (toPlaces is { Length: > 4000 })
            yield return ("toPlaces", "The recipients text has at most 4000 characters.");
    }
}
