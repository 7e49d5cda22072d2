using Kasify.Api.Tests.Infrastructure;

namespace Kasify.Api.Tests.Auth;

[Collection(ApiCollection.Name)]
public sealed class ProductionStartupTests(KasifyApiFactory factory)
{
    [Fact]
    public async Task ProductionHostWithoutJwtAuthorityOrAudienceDoesNotStart()
    {
        await using var host = factory.WithEnvironment("Production", new Dictionary<string, string?>
        {
            ["Authentication:Schemes:Bearer:ValidIssuer"] = null,
            ["Authentication:Schemes:Bearer:ValidAudiences:0"] = null,
            ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = null,
            ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = null,
        });

        var exception = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("Authentication:Schemes:Bearer:Authority", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenFromAnotherIssuerIsRejected()
    {
        using var client = factory.CreateBearerClient(TestJwt.Create(TestJwt.NewSubject(), issuer: "https://other-issuer.example"));

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/test/caller"), System.Net.HttpStatusCode.Unauthorized, "auth.invalid_token");
    }
}
