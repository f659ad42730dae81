using DocService.Api.Infrastructure.Errors;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Matching;

namespace DocService.Api.Infrastructure.Http;

/// <summary>
/// One address can take two kinds of body (<c>POST /documents</c>: a multipart PDF upload or a JSON draft), and
/// the request's Content-Type picks the endpoint. A request that names no Content-Type matches both, which routing
/// reports as an ambiguous match (a 500); this policy answers it with 415 naming the types the address takes.
/// </summary>
public sealed class ContentTypeRequired : MatcherPolicy, IEndpointSelectorPolicy
{
    // After the framework's content-type policy, which narrows the candidates when a Content-Type is given.
    public override int Order => 1000;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Count(e => e.Metadata.GetMetadata<IAcceptsMetadata>() is not null) > 1;

    public Task ApplyAsync(HttpContext http, CandidateSet candidates)
    {
        if (!string.IsNullOrEmpty(http.Request.ContentType))
            return Task.CompletedTask;
        var accepted = new List<string>();
        var alternatives = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i) && candidates[i].Endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts)
            {
                alternatives++;
                accepted.AddRange(accepts.ContentTypes);
            }
        }
        if (alternatives < 2)
            return Task.CompletedTask;
        for (var i = 0; i < candidates.Count; i++)
            candidates.SetValidity(i, false);
        var detail = $"Say what the body is with a Content-Type header: this address takes {string.Join(" or ", accepted.Distinct())}.";
        http.SetEndpoint(new Endpoint(_ => throw new ApiException(StatusCodes.Status415UnsupportedMediaType, "request.unsupported_media_type", detail),
            EndpointMetadataCollection.Empty, "415 Content-Type required"));
        return Task.CompletedTask;
    }
}
