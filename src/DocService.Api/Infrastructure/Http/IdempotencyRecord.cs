namespace DocService.Api.Infrastructure.Http;

/// <summary>
/// What a POST with an <c>Idempotency-Key</c> answered, so a retry gets the same answer instead
/// of creating a second document. Pending while the first request is still running.
/// </summary>
public sealed class IdempotencyRecord
{
    public Guid Id { get; init; }
    public string OrganId { get; init; } = "";
    public string UserName { get; init; } = "";
    public string Key { get; init; } = "";
    public string RequestSha256 { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public bool Completed { get; set; }
    public int ResponseStatus { get; set; }
    public string? ResponseBody { get; set; }
    public string? ResponseLocation { get; set; }
    public string? ResponseETag { get; set; }
}
