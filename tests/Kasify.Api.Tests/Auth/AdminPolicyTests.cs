using System.Net;
using System.Security.Claims;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Kasify.Api.Tests.Auth;

[Collection(ApiCollection.Name)]
public sealed class AdminPolicyTests(KasifyApiFactory factory)
{
    private const string NamespacedRoles = "https://kasify.app/roles";

    [Fact]
    public async Task NamespacedAdminRoleClaimPasses()
    {
        using var client = factory.CreateAuthenticatedClient(claims: [new Claim(NamespacedRoles, "admin")]);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/test/admin")).StatusCode);
    }

    [Theory]
    [InlineData("role")]
    [InlineData("roles")]
    public async Task BareRoleClaimsGrantNothing(string claimType)
    {
        using var plain = factory.CreateAuthenticatedClient(claims: [new Claim(claimType, "admin")]);
        using var kinde = factory.CreateAuthenticatedClient(
            claims: [new Claim(claimType, """{"id":"role_1","key":"admin","name":"Admin"}""", JsonClaimValueTypes.Json)]);

        await ProblemAssert.IsProblemAsync(await plain.GetAsync("/test/admin"), HttpStatusCode.Forbidden, "auth.forbidden");
        await ProblemAssert.IsProblemAsync(await kinde.GetAsync("/test/admin"), HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task KindeRoleObjectWithAdminKeyPassesInTheConfiguredClaim()
    {
        await using var host = factory.WithSettings(new Dictionary<string, string?> { ["Kasify:Auth:AdminRoleClaim"] = "roles" });
        var role = new Claim("roles", """{"id":"role_1","key":"admin","name":"Admin"}""", JsonClaimValueTypes.Json);
        using var client = host.CreateAuthenticatedClient(claims: [role]);

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
        using var client = factory.CreateAuthenticatedClient(claims: [new Claim(NamespacedRoles, "manager")]);

        var response = await client.GetAsync("/test/admin");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task EmailClaimEqualToAListedEntryIsForbidden()
    {
        const string ListedEmail = "boss@example.org";
        await using var host = WithAdmins(ListedEmail, KasifyApiFactory.ListedAdminSubject);
        using var byEmail = host.CreateAuthenticatedClient(claims: [new Claim("email", ListedEmail), new Claim("email_verified", "true")]);
        using var bySubjectAsEmail = host.CreateAuthenticatedClient(claims: [new Claim("email", KasifyApiFactory.ListedAdminSubject)]);

        await ProblemAssert.IsProblemAsync(await byEmail.GetAsync("/test/admin"), HttpStatusCode.Forbidden, "auth.forbidden");
        await ProblemAssert.IsProblemAsync(await bySubjectAsEmail.GetAsync("/test/admin"), HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task ListedUserIdPassesForItsOidcCaller()
    {
        var subject = TestJwt.NewSubject();
        using var registering = factory.CreateAuthenticatedClient(subject);
        var userId = await registering.RegisterAsync();
        await using var host = WithAdmins(userId.ToString());
        using var admin = host.CreateAuthenticatedClient(subject);
        using var other = host.CreateAuthenticatedClient();

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/test/admin")).StatusCode);
        await ProblemAssert.IsProblemAsync(await other.GetAsync("/test/admin"), HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task ListedUserIdPassesForItsPersonalAccessToken()
    {
        var listed = await factory.CreatePersonalAccessTokenAsync();
        var unlisted = await factory.CreatePersonalAccessTokenAsync();
        await using var host = WithAdmins(listed.UserId.ToString());
        using var admin = host.CreateBearerClient(listed.Token);
        using var other = host.CreateBearerClient(unlisted.Token);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/test/admin")).StatusCode);
        await ProblemAssert.IsProblemAsync(await other.GetAsync("/test/admin"), HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task ListedUserIdIsNotMatchedAgainstTheSubject()
    {
        // A subject that happens to equal a listed user id is still not that user.
        var listed = await factory.CreatePersonalAccessTokenAsync();
        await using var host = WithAdmins(listed.UserId.ToString());
        using var client = host.CreateAuthenticatedClient(listed.UserId.ToString());

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/test/admin"), HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task JwtClaimingTheUserIdOfAListedAdminIsRejected()
    {
        var listed = await factory.CreatePersonalAccessTokenAsync();
        await using var host = WithAdmins(listed.UserId.ToString());
        using var client = host.CreateAuthenticatedClient(claims: [new Claim("kasify:user_id", listed.UserId.ToString())]);

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/test/admin"), HttpStatusCode.Unauthorized, "auth.invalid_token");
    }

    private KasifyApiFactory WithAdmins(params string[] admins) =>
        factory.WithSettings(admins.Select((admin, i) => KeyValuePair.Create($"Kasify:Auth:Admins:{i}", (string?)admin)).ToDictionary());
}
