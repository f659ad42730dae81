using System.Globalization;
using System.Text.Json.Serialization;
using DocService.Api.Domain;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Persistence;
using DocService.Api.Infrastructure.Reports;
using DocService.Drafting.Reports;
using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Features.Registers;

/// <summary>
/// A register as Decree 30 Phụ lục IV lays it out: titled columns, then one row per entry — a page of them in JSON,
/// every one of the year in a file.
/// </summary>
public sealed record RegisterView(
    string OrganId, string? OrganName, int Year, IReadOnlyList<RegisterColumn> Columns, IReadOnlyList<IReadOnlyDictionary<string, string?>> Items,
    int Page, int PageSize, int Total);

/// <summary>A column: the key its cells have in each row, its printed title, and its share of a printed page's width.</summary>
public sealed record RegisterColumn(string Key, string Title, [property: JsonIgnore] double Weight = 1);

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

    public static string? Day(DateOnly? day) => day?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}

/// <summary>Registers are read by the clerks who keep them and by auditors.</summary>
public static class RegisterAccess
{
    public const string Policy = Infrastructure.Auth.Policies.RegisterReader;
}

/// <summary>What the two registers share: reading a page (or, for a file, the whole year) and answering in the format asked for.</summary>
public static class RegisterPages
{
    /// <summary>The register's rows in <paramref name="ordered"/>'s order: one page, or every row when <paramref name="paging"/> is null.</summary>
    public static async Task<RegisterView> ReadAsync(
        DocServiceDb db, OrganId organ, int year, PageRequest? paging, IQueryable<Document> ordered, IReadOnlyList<RegisterColumn> columns,
        Func<Document, IReadOnlyDictionary<string, string?>> row, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        var documents = await (paging is { } page ? ordered.Skip(page.Skip).Take(page.PageSize) : ordered).ToListAsync(ct);
        var organName = await db.Organs.AsNoTracking().Where(o => o.Id == organ.Value).Select(o => o.Name).SingleOrDefaultAsync(ct);
        return new RegisterView(organ.Value, organName, year, columns, [.. documents.Select(row)], paging?.Page ?? 1, paging?.PageSize ?? total, total);
    }

    /// <summary>JSON pages by <c>page</c> and <c>pageSize</c>; a file (<c>format</c> or Accept) holds the whole year.</summary>
    public static PageRequest? Paging(ExportFormat format, int? page, int? pageSize) =>
        format == ExportFormat.Json ? PageRequest.From(page, pageSize) : null;

    public static IResult Answer(RegisterView view, ExportFormat format, string title, string fileStem) =>
        format == ExportFormat.Json
            ? TypedResults.Ok(view)
            : TableFiles.Download(
                new TableReport(
                    title,
                    [$"Cơ quan: {view.OrganName ?? view.OrganId} ({view.OrganId})", $"Năm {view.Year}; {view.Total} văn bản"],
                    [.. view.Columns.Select(c => new TableColumn(c.Title, c.Weight))],
                    [.. view.Items.Select(r => (IReadOnlyList<string?>)[.. view.Columns.Select(c => r.GetValueOrDefault(c.Key))])]),
                format, $"{fileStem}-{view.Year}");

    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder endpoint, string summary) =>
        endpoint.RequireAuthorization(RegisterAccess.Policy)
            .Produces<RegisterView>(StatusCodes.Status200OK, "application/json", ExportFormats.FileMediaTypes)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary(summary)
            .WithDescription("JSON pages by `page` and `pageSize` (at most 100); `format=xlsx|csv|pdf` (or the Accept header) downloads the whole year's register.");
}
