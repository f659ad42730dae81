namespace DocService.Api.Domain;

/// <summary>
/// Registers and document dates follow the calendar in Vietnam (UTC+07:00, no daylight saving):
/// a document issued at 20:00 UTC on 31 December belongs to the next year's register.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly Today(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);
}
