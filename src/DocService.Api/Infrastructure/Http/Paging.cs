using DocService.Api.Infrastructure.Messaging;

namespace DocService.Api.Infrastructure.Http;

/// <summary>One page of a list, as every list endpoint answers.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 100;

    public static PageRequest From(int? page, int? pageSize) => new(page ?? 1, pageSize ?? 20);

    public int Skip => (Page - 1) * PageSize;

    public IEnumerable<(string Field, string Problem)> Validate()
    {
        if (Page < 1)
            yield return ("page", "Pages are numbered from 1.");
        if (PageSize is < 1 or > MaxPageSize)
            yield return ("pageSize", $"Page size must be between 1 and {MaxPageSize}.");
    }
}
