namespace DocService.Drafting.Tests.Support;

/// <summary>A clock stopped at one instant, so renders are reproducible.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static readonly FixedTime Default = new(new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.FromHours(7)));

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");
}
