namespace DocService.Drafting.Validation;

/// <summary>A draft the renderer refuses, naming the field at fault (e.g. "signer.fullName").</summary>
public sealed class DraftValidationException(string field, string message)
    : Exception($"{field}: {message}")
{
    /// <summary>Path of the offending value, camelCase as the API exposes it, e.g. "body.articles[2]".</summary>
    public string Field { get; } = field;

    /// <summary>The reason alone, without the field prefix.</summary>
    public string Reason { get; } = message;
}
