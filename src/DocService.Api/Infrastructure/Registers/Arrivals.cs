using DocService.Api.Domain;

namespace DocService.Api.Infrastructure.Registers;

/// <summary>
/// Registers an incoming document with the next arrival number (số đến): one counter per organ per calendar year,
/// whichever channel the document came by — the axis worker and the clerk's desk take from the same one.
/// </summary>
public sealed class Arrivals(Registers registers)
{
    public async Task RegisterAsync(Document document, DateTimeOffset at, CancellationToken ct)
    {
        var number = await registers.TakeNumberAsync(RegisterKind.Incoming, OrganId.Parse(document.OrganId), VietnamTime.Today(at).Year, ct);
        document.Register(number, at);
    }
}
