namespace DocService.Signing.Timestamps;

/// <summary>
/// A timestamp could not be had: the TSA did not answer (<c>timestamp.unavailable</c>, try later)
/// or answered with something that is not a token for our request (<c>timestamp.invalid_response</c>).
/// <see cref="Code"/> is stable for clients.
/// </summary>
public sealed class TimestampException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public const string Unavailable = "timestamp.unavailable";
    public const string InvalidResponse = "timestamp.invalid_response";

    public string Code { get; } = code;
}
