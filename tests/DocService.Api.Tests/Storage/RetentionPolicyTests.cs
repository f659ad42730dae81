using DocService.Api.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;

namespace DocService.Api.Tests.Storage;

public sealed class RetentionPolicyTests
{
    static readonly DateTimeOffset Now = new(2026, 3, 15, 8, 30, 15, 250, TimeSpan.FromHours(7));

    static RetentionPolicy FromSettings(params (string Key, string Value)[] settings) =>
        RetentionPolicy.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build());

    [Fact]
    public void Each_class_locks_for_its_years_in_whole_seconds_never_short()
    {
        var policy = new RetentionPolicy();

        policy.RetainUntil(RetentionClass.Years5, Now).ShouldBe(new DateTimeOffset(2031, 3, 15, 1, 30, 16, TimeSpan.Zero));
        policy.RetainUntil(RetentionClass.Years70, Now).Year.ShouldBe(2096);
        policy.RetainUntil(null, Now).Year.ShouldBe(2026 + RetentionPolicy.PermanentYears);
    }

    [Fact]
    public void Periods_and_the_default_class_come_from_configuration()
    {
        var policy = FromSettings(("Storage:Retention:Permanent", "75"), ("Storage:Retention:Contracts", "15"), ("Storage:DefaultRetention", "Contracts"));

        policy.Default.ShouldBe(new RetentionClass("Contracts"));
        policy.YearsOf(RetentionClass.Permanent).ShouldBe(75);
        policy.YearsOf(RetentionClass.Years20).ShouldBe(20);
        policy.RetainUntil(null, Now).Year.ShouldBe(2041);
    }

    [Fact]
    public void An_unknown_class_or_a_bad_period_is_refused()
    {
        Should.Throw<ArgumentException>(() => new RetentionPolicy().YearsOf(new RetentionClass("Forever")));
        Should.Throw<InvalidOperationException>(() => FromSettings(("Storage:Retention:Years5", "five")));
        Should.Throw<ArgumentOutOfRangeException>(() => FromSettings(("Storage:Retention:Years5", "0")));
        Should.Throw<ArgumentException>(() => FromSettings(("Storage:DefaultRetention", "Unknown")));
        Should.Throw<ArgumentException>(() => new RetentionClass("../x"));
    }
}
