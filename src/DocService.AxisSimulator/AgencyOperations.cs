using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocService.Exchange.Transport;
using Microsoft.Extensions.Options;

namespace DocService.AxisSimulator;

/// <summary>
/// The agency directory of the axis: <c>getAgenciesList</c> answers the whole directory in one list, as the SDK
/// asks for it (no paging parameters); <c>registerAgency</c> takes one agency as a JSON body.
/// </summary>
public sealed class AgencyOperations(AxisStore store, IOptions<AxisOptions> options)
{
    /// <summary>Fills the directory once: the connected organs, then <c>Axis:GeneratedAgencies</c> made-up ones.</summary>
    public void Seed()
    {
        foreach (var organ in options.Value.Systems.SelectMany(s => s.OrganIds).Distinct())
            store.Agencies.TryAdd(organ, new Agency(organ, organ, null, $"Cơ quan {organ}", null, null, null));
        for (var i = 0; i < options.Value.GeneratedAgencies; i++)
        {
            var code = GeneratedCode(i);
            // Each hundred hangs under its first.
            var parent = i % 100 == 0 ? null : GeneratedCode(i - i % 100);
            store.Agencies.TryAdd(code, new Agency($"g{i}", code, parent, $"Đơn vị thử {i}", $"donvi{i}@example.vn", null, null));
        }
    }

    static string GeneratedCode(int i) =>
        string.Create(CultureInfo.InvariantCulture, $"{i / 10_000 % 1000:000}.{i / 100 % 100:00}.{i % 100:00}.Z99");

    public IResult GetAgenciesList()
    {
        var agencies = store.Agencies.Values.ToList();
        var ids = agencies.ToDictionary(a => a.Code, a => a.Id);
        var data = new JsonArray(agencies.OrderBy(a => a.Code, StringComparer.Ordinal).Select(a => (JsonNode)new JsonObject
        {
            ["id"] = a.Id,
            ["code"] = a.Code,
            // The directory names the parent by its id, as the SDK's Agency.pid.
            ["pid"] = a.ParentCode is { } p ? ids.GetValueOrDefault(p, p) : null,
            ["name"] = a.Name,
            ["mail"] = a.Mail,
            ["mobile"] = a.Mobile,
            ["fax"] = a.Fax,
        }).ToArray());
        return AxisOperations.Ok(new VdxpAnswer { ErrorDesc = "Success", Data = data });
    }

    public async Task<IResult> RegisterAgencyAsync(HttpRequest request, CancellationToken ct)
    {
        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, new JsonNodeOptions { PropertyNameCaseInsensitive = true }, cancellationToken: ct) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }
        var code = VdxpAnswer.Text(body?["code"]);
        var name = VdxpAnswer.Text(body?["name"]);
        if (body is null || string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(name))
            return AxisOperations.Fail(StatusCodes.Status400BadRequest, "agency.invalid", "The body must be a JSON agency with code and name.");
        var agency = new Agency(VdxpAnswer.Text(body["id"]) is { Length: > 0 } id ? id : code, code, VdxpAnswer.Text(body["pcode"]), name,
            VdxpAnswer.Text(body["mail"]), VdxpAnswer.Text(body["mobile"]), VdxpAnswer.Text(body["fax"]));
        store.Agencies[code] = agency;
        return AxisOperations.Ok(new VdxpAnswer { ErrorDesc = "Success" });
    }
}
