using System.Text.RegularExpressions;

namespace DocService.Api.Infrastructure.Storage;

/// <summary>
/// How long a record must be kept (thời hạn bảo quản): permanent, or a number of years set per kind of
/// record by the archive rules. The class travels with the document; what it means in years is configuration.
/// </summary>
public readonly partial record struct RetentionClass
{
    public RetentionClass(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 40 || !SafeName().IsMatch(name))
            throw new ArgumentException($"'{name}' is not a valid retention class name.", nameof(name));
        Name = name;
    }

    public string Name { get; }

    public static RetentionClass Permanent { get; } = new("Permanent");
    public static RetentionClass Years70 { get; } = new("Years70");
    public static RetentionClass Years50 { get; } = new("Years50");
    public static RetentionClass Years20 { get; } = new("Years20");
    public static RetentionClass Years10 { get; } = new("Years10");
    public static RetentionClass Years5 { get; } = new("Years5");

    public override string ToString() => Name;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$")]
    private static partial Regex SafeName();
}

/// <summary>
/// Turns a retention class into the date until which the object store must refuse to delete or replace
/// the bytes. Periods come from <c>Storage:Retention:{Class}</c> in years; <c>Storage:DefaultRetention</c>
/// names the class used when a writer passes none.
/// </summary>
public sealed class RetentionPolicy
{
    public const string Section = "Storage:Retention";
    public const string DefaultKey = "Storage:DefaultRetention";

    /// <summary>
    /// "Permanent" has no end date in law, but an S3 lock needs one and cannot be lifted before it:
    /// 1,000 years outlives any record and any storage system. The default is permanent because the store's
    /// contract is "never removed", and a lock can later be extended but never shortened.
    /// </summary>
    public const int PermanentYears = 1000;

    readonly Dictionary<string, int> _years;

    public RetentionPolicy(IReadOnlyDictionary<string, int>? years = null, RetentionClass? defaultClass = null)
    {
        _years = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            [RetentionClass.Permanent.Name] = PermanentYears,
            [RetentionClass.Years70.Name] = 70,
            [RetentionClass.Years50.Name] = 50,
            [RetentionClass.Years20.Name] = 20,
            [RetentionClass.Years10.Name] = 10,
            [RetentionClass.Years5.Name] = 5,
        };
        foreach (var (name, value) in years ?? new Dictionary<string, int>())
        {
            if (value is < 1 or > PermanentYears)
                throw new ArgumentOutOfRangeException(nameof(years), value, $"Retention class '{name}' must last 1 to {PermanentYears} years.");
            _years[new RetentionClass(name).Name] = value;
        }
        Default = defaultClass ?? RetentionClass.Permanent;
        _ = YearsOf(Default);
    }

    public RetentionClass Default { get; }

    public static RetentionPolicy FromConfiguration(IConfiguration configuration)
    {
        var years = configuration.GetSection(Section).GetChildren()
            .ToDictionary(c => c.Key, c => int.TryParse(c.Value, out var y)
                ? y
                : throw new InvalidOperationException($"{Section}:{c.Key} must be a number of years, not '{c.Value}'."));
        var defaultClass = configuration[DefaultKey] is { Length: > 0 } name ? new RetentionClass(name) : (RetentionClass?)null;
        return new RetentionPolicy(years, defaultClass);
    }

    public int YearsOf(RetentionClass retention) =>
        _years.TryGetValue(retention.Name, out var years)
            ? years
            : throw new ArgumentException($"Retention class '{retention}' has no period configured under {Section}.", nameof(retention));

    /// <summary>Whole seconds, because S3 carries retain-until dates to the second.</summary>
    public DateTimeOffset RetainUntil(RetentionClass? retention, DateTimeOffset now) =>
        WholeSecondAfter(now.ToUniversalTime().AddYears(YearsOf(retention ?? Default)));

    /// <summary>The whole second after <paramref name="at"/>, in UTC: a lock to it holds at least until <paramref name="at"/>.</summary>
    public static DateTimeOffset WholeSecondAfter(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond)).AddSeconds(1);
    }
}
