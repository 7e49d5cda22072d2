using System.Net;
using System.Security.Claims;
using Kasify.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Kasify.Api.Tests.Auth;

[Collection(ApiCollection.Name)]
public sealed class AdminPolicyTests(KasifyApiFactory factory)
{
    [Fact]
    public async Task AdminRoleClaimPasses()
    {
        using var client = factory.CreateAuthenticatedClient(claims: [new Claim("role", "admin")]);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/test/admin")).StatusCode);
    }

    [Fact]
    public async Task KindeRoleObjectWithAdminKeyPasses()
    {
        var role = new Claim("roles", """{"id":"role_1","key":"admin","name":"Admin"}""", JsonClaimValueTypes.Json);
        using var client = factory.CreateAuthenticatedClient(claims: [role]);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/test/admin")).StatusCode);
    }

    [Fact]
    public async Task SubjectListedInConfigurationPasses()
    {
        using var client = factory.CreateAuthenticatedClient(KasifyApiFactory.ListedAdminSubject);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/test/admin")).StatusCode);
    }

    [Fact]
    public async Task OrdinaryUserIsForbidden()
    {
        using var client = factory.CreateAuthenticatedClient(claims: [new Claim("role", "manager")]);

        var response = await client.GetAsync("/test/admin");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "auth.forbidden");
    }
}
