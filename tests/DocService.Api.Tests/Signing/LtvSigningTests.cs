using System.Net;
using DocService.Api.Domain;
using DocService.Api.Features.Documents;
using DocService.Api.Tests.Infrastructure;
using DocService.Signing.Validation;

namespace DocService.Api.Tests.Signing;

/// <summary>
/// Server-side signing at B-LT and B-LTA through the API, with the development TSA and a real OCSP responder
/// for the development chain (<see cref="LtvApi"/>).
/// </summary>
public sealed class LtvSigningTests(SqliteLtvApi api) : TimestampedSigningTests(api), IClassFixture<SqliteLtvApi>
{
    [Theory]
    [InlineData("B-LT", LevelReached.BLT)]
    [InlineData("B-LTA", LevelReached.BLTA)]
    public async Task Signing_at_a_long_term_level_embeds_validation_data(string level, LevelReached reached)
    {
        await api.TrustDevelopmentRootAsync(Organ);
        var approved = await ApprovedWithKeyAsync();

        var signed = await (await Leader.PostJsonAsync($"/api/v1/documents/{approved.Id}/signatures", new { level }, $"\"{approved.Version}\""))
            .ShouldBeJsonAsync<DocumentResponse>();

        signed.Status.ShouldBe(DocumentStatus.Signed);
        signed.Revisions.Count.ShouldBe(approved.Revisions.Count + 1);
        var signature = await ValidatedSignatureAsync(signed);
        signature.Level.Reached.ShouldBe(reached, signature.Level.Reason.En);
        signature.Indication.ShouldBe(Indication.TotalPassed, signature.Message.En);
        signature.Timestamps.SignatureTimestamp.ShouldNotBeNull();
        if (reached == LevelReached.BLTA)
            signature.Timestamps.DocumentTimestamps.ShouldNotBeEmpty();
    }
}

/// <summary>The OCSP responder is down: B-LT and above answer 503 <c>revocation.unavailable</c> and change nothing.</summary>
public sealed class RevocationDownTests(SqliteRevocationDownApi api) : TimestampedSigningTests(api), IClassFixture<SqliteRevocationDownApi>
{
    [Theory]
    [InlineData("B-LT")]
    [InlineData("B-LTA")]
    public async Task Signing_at_a_long_term_level_with_the_responder_down_is_503_and_the_document_is_unchanged(string level)
    {
        await api.TrustDevelopmentRootAsync(Organ);
        var approved = await ApprovedWithKeyAsync();

        await (await Leader.PostJsonAsync($"/api/v1/documents/{approved.Id}/signatures", new { level }, $"\"{approved.Version}\""))
            .ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "revocation.unavailable");

        var unchanged = await (await Leader.GetAsync($"/api/v1/documents/{approved.Id}", Ct)).ShouldBeJsonAsync<DocumentResponse>();
        unchanged.Status.ShouldBe(DocumentStatus.Approved);
        unchanged.Revisions.Count.ShouldBe(approved.Revisions.Count);
        unchanged.Version.ShouldBe(approved.Version);
    }
}
