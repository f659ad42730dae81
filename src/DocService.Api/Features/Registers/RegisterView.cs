using DocService.Api.Domain;
using DocService.Api.Infrastructure.Http;

namespace DocService.Api.Features.Registers;

/// <summary>A register as Decree 30 Phụ lục IV lays it out: titled columns, then one row per entry.</summary>
public sealed record RegisterView(string OrganId, int Year, IReadOnlyList<RegisterColumn> Columns, IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows);

public sealed record RegisterColumn(string Key, string Title);

public static class RegisterYears
{
    public static IEnumerable<(string Field, string Problem)> Validate(int year)
    {
        if (year is < 1945 or > 9999)
            yield return ("year", "Give a calendar year, e.g. 2026.");
    }

    /// <summary>The instants that fall in a calendar year in Vietnam.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Bounds(int year) =>
        (new DateTimeOffset(year, 1, 1, 0, 0, 0, VietnamTime.Offset).ToUniversalTime(),
         new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, VietnamTime.Offset).ToUniversalTime());

    /// <summary>The instant a day begins in Vietnam.</summary>
    public static DateTimeOffset StartOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), VietnamTime.Offset).ToUniversalTime();

    public static int Current(TimeProvider clock) => VietnamTime.Today(clock.GetUtcNow()).Year;
}

/// <summary>Registers are read by the clerks who keep them and by auditors.</summary>
public static class RegisterAccess
{
    public const string Policy = Infrastructure.Auth.Policies.RegisterReader;
}
