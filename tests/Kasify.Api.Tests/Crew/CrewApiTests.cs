using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;

namespace Kasify.Api.Tests.Crew;

[Collection(ApiCollection.Name)]
public sealed class CrewApiTests(KasifyApiFactory factory)
{
    private static readonly string[] InvitationFields =
        ["id", "propertyId", "token", "uses", "createdAt", "accessLevel", "service", "locale", "email", "maxUses", "expiresAt", "acceptedAt"];

    private static readonly string[] MemberFields = ["userId", "name", "email", "accessLevel", "service", "joinedAt"];

    private async Task<(HttpClient Client, Guid UserId, string Email)> NewUserAsync()
    {
        var email = $"user-{Guid.NewGuid():N}@example.org";
        var client = factory.CreateAuthenticatedClient(claims: [new Claim("email", email), new Claim("email_verified", "true")]);
        return (client, await client.RegisterAsync(), email);
    }

    private async Task<(HttpClient Owner, Guid OwnerId, Guid PropertyId)> NewPropertyAsync()
    {
        var (owner, ownerId, _) = await NewUserAsync();
        var property = await owner.CreatePropertyAsync("Casa Azul");
        return (owner, ownerId, property.GetProperty("id").GetGuid());
    }

    private static async Task<JsonElement> InviteAsync(HttpClient client, Guid propertyId, object body)
    {
        using var response = await client.PostAsJsonAsync($"/v1/properties/{propertyId}/invitations", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"invite answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> AcceptAsync(HttpClient client, string token) =>
        client.PostAsync($"/v1/invitations/{Uri.EscapeDataString(token)}/accept", null);

    private static string[] Fields(JsonElement element) => [.. element.EnumerateObject().Select(field => field.Name)];

    [Fact]
    public async Task CreatingAnInvitationAnswersTheCamelCaseSchemaWithDefaults()
    {
        var (owner, _, propertyId) = await NewPropertyAsync();

        using var response = await owner.PostAsJsonAsync(
            $"/v1/properties/{propertyId}/invitations", new { accessLevel = "STAFF", service = "cleaning", email = (string?)null, maxUses = (int?)null });
        var invitation = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(InvitationFields, Fields(invitation));
        Assert.Equal($"/v1/properties/{propertyId}/invitations/{invitation.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
        Assert.Equal(propertyId, invitation.GetProperty("propertyId").GetGuid());
        Assert.Equal("staff", invitation.GetProperty("accessLevel").GetString());
        Assert.Equal("cleaning", invitation.GetProperty("service").GetString());
        Assert.Equal("en", invitation.GetProperty("locale").GetString());
        Assert.Equal(1, invitation.GetProperty("maxUses").GetInt32());
        Assert.Equal(0, invitation.GetProperty("uses").GetInt32());
        Assert.Equal(JsonValueKind.Null, invitation.GetProperty("acceptedAt").ValueKind);
        var createdAt = invitation.GetProperty("createdAt").GetDateTimeOffset();
        Assert.Equal(createdAt.AddDays(7), invitation.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Matches("^[A-Za-z0-9_-]{43}$", invitation.GetProperty("token").GetString());

        var listed = await owner.GetFromJsonAsync<JsonElement>($"/v1/properties/{propertyId}/invitations");
        Assert.Equal(invitation.GetProperty("id").GetGuid(), Assert.Single(listed.EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task AcceptingGivesAccessOnceAndAgainWithoutAUseThenTheInvitationIsUsedUp()
    {
        var (owner, _, propertyId) = await NewPropertyAsync();
        var token = (await InviteAsync(owner, propertyId, new { accessLevel = "contractor", service = "pool" })).GetProperty("token").GetString()!;
        var (invitee, _, _) = await NewUserAsync();

        using var accepted = await AcceptAsync(invitee, token);
        var body = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        using var again = await AcceptAsync(invitee, token);
        var (late, _, _) = await NewUserAsync();
        using var usedUp = await AcceptAsync(late, token);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(["propertyId", "propertyName"], Fields(body));
        Assert.Equal((propertyId, "Casa Azul"), (body.GetProperty("propertyId").GetGuid(), body.GetProperty("propertyName").GetString()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(body.ToString(), (await again.Content.ReadFromJsonAsync<JsonElement>()).ToString());
        await ProblemAssert.IsProblemAsync(usedUp, HttpStatusCode.Gone, "invitation.used_up");
        var property = await invitee.GetFromJsonAsync<JsonElement>($"/v1/properties/{propertyId}");
        Assert.Equal("contractor", property.GetProperty("role").GetString());
        var invitation = Assert.Single((await owner.GetFromJsonAsync<JsonElement>($"/v1/properties/{propertyId}/invitations")).EnumerateArray());
        Assert.Equal(1, invitation.GetProperty("uses").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, invitation.GetProperty("acceptedAt").ValueKind);
    }

    [Fact]
    public async Task UnknownRevokedAndOwnTokensAreRefusedWithStableCodes()
    {
        var (owner, _, propertyId) = await NewPropertyAsync();
        var invitation = await InviteAsync(owner, propertyId, new { accessLevel = "staff" });
        var (invitee, _, _) = await NewUserAsync();

        using var own = await AcceptAsync(owner, invitation.GetProperty("token").GetString()!);
        using var revoke = await owner.DeleteAsync($"/v1/properties/{propertyId}/invitations/{invitation.GetProperty("id").GetGuid()}");
        using var revoked = await AcceptAsync(invitee, invitation.GetProperty("token").GetString()!);
        using var unknown = await AcceptAsync(invitee, "no-such-token");
        using var tooLong = await AcceptAsync(invitee, new string('a', 500));
        using var revokeUnknown = await owner.DeleteAsync($"/v1/properties/{propertyId}/invitations/{Guid.NewGuid()}");

        await ProblemAssert.IsProblemAsync(own, HttpStatusCode.Conflict, "invitation.owner");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await ProblemAssert.IsProblemAsync(revoked, HttpStatusCode.Gone, "invitation.revoked");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "invitation.not_found");
        await ProblemAssert.IsProblemAsync(tooLong, HttpStatusCode.NotFound, "invitation.not_found");
        await ProblemAssert.IsProblemAsync(revokeUnknown, HttpStatusCode.NotFound, "invitation.not_found");
        Assert.Empty((await owner.GetFromJsonAsync<JsonElement>($"/v1/properties/{propertyId}/invitations")).EnumerateArray());
    }

    [Fact]
    public async Task AnEmailBoundInvitationIsForbiddenToOtherAccountsAndAcceptedByItsOwnInAnyCase()
    {
        var (owner, _, propertyId) = await NewPropertyAsync();
        var (invitee, _, email) = await NewUserAsync();
        var (other, _, _) = await NewUserAsync();
        var noEmail = factory.CreateAuthenticatedClient();
        await noEmail.RegisterAsync();
        var token = (await InviteAsync(owner, propertyId, new { accessLevel = "staff", email = email.ToUpperInvariant(), locale = "es" }))
            .GetProperty("token").GetString()!;

        using var mismatch = await AcceptAsync(other, token);
        using var missing = await AcceptAsync(noEmail, token);
        using var accepted = await AcceptAsync(invitee, token);

        await ProblemAssert.IsProblemAsync(mismatch, HttpStatusCode.Forbidden, "invitation.email_mismatch");
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.Forbidden, "invitation.email_mismatch");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task AnEmailBoundInvitationNeedsTheEmailVerifiedByTheIdentityProvider()
    {
        var (owner, _, propertyId) = await NewPropertyAsync();
        var email = $"user-{Guid.NewGuid():N}@example.org";
        var token = (await InviteAsync(owner, propertyId, new { accessLevel = "staff", email })).GetProperty("token").GetString()!;

        // The same address, but as a claim the provider does not vouch for, in a profile, or behind a personal access token.
        var unverified = factory.CreateAuthenticatedClient(claims: [new Claim("email", email), new Claim("email_verified", "false")]);
        await unverified.RegisterAsync();
        var profileOnly = factory.CreateAuthenticatedClient();
        await profileOnly.RegisterAsync();
        using (var profile = await profileOnly.PutAsJsonAsync("/v1/account", new { email, locale = "en" }))
        {
            Assert.True(profile.IsSuccessStatusCode, await profile.Content.ReadAsStringAsync());
        }

        var pat = await factory.CreatePersonalAccessTokenAsync();
        using var patClient = factory.CreateBearerClient(pat.Token);

        await ProblemAssert.IsProblemAsync(await AcceptAsync(unverified, token), HttpStatusCode.Forbidden, "invitation.email_mismatch");
        await ProblemAssert.IsProblemAsync(await AcceptAsync(profileOnly, token), HttpStatusCode.Forbidden, "invitation.email_mismatch");
        await ProblemAssert.IsProblemAsync(await AcceptAsync(patClient, token), HttpStatusCode.Forbidden, "invitation.email_mismatch");
    }

    [Fact]
    public async Task AProviderThatOnlyIssuesVerifiedEmailsNeedsNoVerifiedClaimWhenConfigured()
    {
        var (owner, _, propertyId) = await NewPropertyAsync();
        var email = $"user-{Guid.NewGuid():N}@example.org";
        var token = (await InviteAsync(owner, propertyId, new { accessLevel = "staff", email })).GetProperty("token").GetString()!;
        await using var host = factory.WithSettings(new Dictionary<string, string?> { ["Kasify:Auth:EmailClaimIsVerified"] = "true" });
        using var invitee = host.CreateAuthenticatedClient(claims: [new Claim("email", email)]);
        await invitee.RegisterAsync();

        Assert.Equal(HttpStatusCode.OK, (await AcceptAsync(invitee, token)).StatusCode);
    }

    [Theory]
    [InlineData("""{"accessLevel":"owner"}""", "accessLevel")]
    [InlineData("""{"accessLevel":"boss"}""", "accessLevel")]
    [InlineData("""{}""", "accessLevel")]
    [InlineData("""{"accessLevel":"staff","locale":"fr"}""", "locale")]
    [InlineData("""{"accessLevel":"staff","maxUses":"three"}""", "maxUses")]
    [InlineData("""{"accessLevel":"staff","maxUses":0}""", "maxUses")]
    [InlineData("""{"accessLevel":"staff","maxUses":1001}""", "maxUses")]
    [InlineData("""{"accessLevel":"staff","expiresAt":"2001-01-01T00:00:00Z"}""", "expiresAt")]
    [InlineData("""{"accessLevel":"staff","expiresAt":"tomorrow"}""", "expiresAt")]
    [InlineData("""{"accessLevel":"staff","email":"not an email"}""", "email")]
    [InlineData("""{"accessLevel":"staff","service":"plumbing"}""", "service")]
    [InlineData("""{"accessLevel":"manager","service":"cleaning"}""", "service")]
    [InlineData("""{"accessLevel":"staff","max_uses":2}""", "max_uses")]
    [InlineData("""[]""", "body")]
    [InlineData("""{"accessLevel":""", "accessLevel")]
    [InlineData("""{"accessLevel":["staff"]}""", "accessLevel")]
    public async Task InvalidInvitationsAreFieldErrors(string body, string field)
    {
        var (owner, _, propertyId) = await NewPropertyAsync();

        using var response = await owner.PostAsync(
            $"/v1/properties/{propertyId}/invitations", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task TheCrewListsEveryMemberInCamelCaseAndIsForOwnersAndManagers()
    {
        var (owner, ownerId, propertyId) = await NewPropertyAsync();
        var (cleaner, cleanerId, cleanerEmail) = await NewUserAsync();
        var (stranger, _, _) = await NewUserAsync();
        await owner.JoinAsync(cleaner, propertyId, new { accessLevel = "staff", service = "cleaning" });

        var crew = (await owner.GetFromJsonAsync<JsonElement>($"/v1/properties/{propertyId}/crew")).EnumerateArray().ToList();
        using var byStaff = await cleaner.GetAsync($"/v1/properties/{propertyId}/crew");
        using var byStranger = await stranger.GetAsync($"/v1/properties/{propertyId}/crew");
        using var invitationsByStaff = await cleaner.GetAsync($"/v1/properties/{propertyId}/invitations");

        Assert.Equal([ownerId, cleanerId], crew.Select(member => member.GetProperty("userId").GetGuid()));
        Assert.All(crew, member => Assert.Equal(MemberFields, Fields(member)));
        Assert.Equal("owner", crew[0].GetProperty("accessLevel").GetString());
        Assert.Equal(JsonValueKind.Null, crew[0].GetProperty("service").ValueKind);
        Assert.Equal(("staff", "cleaning", cleanerEmail), (
            crew[1].GetProperty("accessLevel").GetString(), crew[1].GetProperty("service").GetString(), crew[1].GetProperty("email").GetString()));
        Assert.Equal(JsonValueKind.String, crew[1].GetProperty("joinedAt").ValueKind);
        await ProblemAssert.IsProblemAsync(byStaff, HttpStatusCode.Forbidden, "crew.forbidden");
        await ProblemAssert.IsProblemAsync(byStranger, HttpStatusCode.NotFound, "property.not_found");
        await ProblemAssert.IsProblemAsync(invitationsByStaff, HttpStatusCode.Forbidden, "invitation.forbidden");
    }

    [Fact]
    public async Task MembersAreChangedByPatchWithinTheRulesOfRoles()
    {
        var (owner, ownerId, propertyId) = await NewPropertyAsync();
        var (manager, _, _) = await NewUserAsync();
        var (cleaner, cleanerId, _) = await NewUserAsync();
        await owner.JoinAsync(manager, propertyId, new { accessLevel = "manager" });
        await manager.JoinAsync(cleaner, propertyId, new { accessLevel = "staff" });
        using var managerInvitesManager = await manager.PostAsJsonAsync($"/v1/properties/{propertyId}/invitations", new { accessLevel = "manager" });

        using var changed = await manager.PatchAsJsonAsync($"/v1/properties/{propertyId}/crew/{cleanerId}", new { accessLevel = "CONTRACTOR", service = "gardening" });
        var member = await changed.Content.ReadFromJsonAsync<JsonElement>();
        using var promote = await manager.PatchAsJsonAsync($"/v1/properties/{propertyId}/crew/{cleanerId}", new { accessLevel = "manager" });
        using var ownerChange = await owner.PatchAsJsonAsync($"/v1/properties/{propertyId}/crew/{ownerId}", new { accessLevel = "staff" });
        using var cleared = await owner.PatchAsJsonAsync($"/v1/properties/{propertyId}/crew/{cleanerId}", new { service = (string?)null });
        using var unknown = await owner.PatchAsJsonAsync($"/v1/properties/{propertyId}/crew/{Guid.NewGuid()}", new { accessLevel = "staff" });

        await ProblemAssert.IsProblemAsync(managerInvitesManager, HttpStatusCode.Forbidden, "invitation.forbidden");
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(MemberFields, Fields(member));
        Assert.Equal(("contractor", "gardening"), (member.GetProperty("accessLevel").GetString(), member.GetProperty("service").GetString()));
        await ProblemAssert.IsProblemAsync(promote, HttpStatusCode.Forbidden, "crew.forbidden");
        await ProblemAssert.IsProblemAsync(ownerChange, HttpStatusCode.Conflict, "crew.owner");
        Assert.Equal(JsonValueKind.Null, (await cleared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("service").ValueKind);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "crew.not_found");
        Assert.Equal("contractor", (await cleaner.GetFromJsonAsync<JsonElement>($"/v1/properties/{propertyId}")).GetProperty("role").GetString());
    }

    [Theory]
    [InlineData("""{}""", "body")]
    [InlineData("""[]""", "body")]
    [InlineData("""{"accessLevel":"boss"}""", "accessLevel")]
    [InlineData("""{"accessLevel":"owner"}""", "accessLevel")]
    [InlineData("""{"accessLevel":3}""", "accessLevel")]
    [InlineData("""{"service":"plumbing"}""", "service")]
    [InlineData("""{"service":7}""", "service")]
    [InlineData("""{"role":"staff"}""", "role")]
    [InlineData("""{"accessLevel":""", "body")]
    public async Task InvalidMemberChangesAreFieldErrors(string body, string field)
    {
        var (owner, _, propertyId) = await NewPropertyAsync();
        var (cleaner, cleanerId, _) = await NewUserAsync();
        await owner.JoinAsync(cleaner, propertyId, new { accessLevel = "staff" });

        using var response = await owner.PatchAsync(
            $"/v1/properties/{propertyId}/crew/{cleanerId}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task RemovingAMemberTakesTheirAccessButTheOwnerCannotBeRemoved()
    {
        var (owner, ownerId, propertyId) = await NewPropertyAsync();
        var (cleaner, cleanerId, _) = await NewUserAsync();
        await owner.JoinAsync(cleaner, propertyId, new { accessLevel = "staff" });

        using var removeOwner = await owner.DeleteAsync($"/v1/properties/{propertyId}/crew/{ownerId}");
        using var removed = await owner.DeleteAsync($"/v1/properties/{propertyId}/crew/{cleanerId}");
        using var afterwards = await cleaner.GetAsync($"/v1/properties/{propertyId}");
        var properties = await cleaner.GetFromJsonAsync<JsonElement>("/v1/properties");

        await ProblemAssert.IsProblemAsync(removeOwner, HttpStatusCode.Conflict, "crew.owner");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await ProblemAssert.IsProblemAsync(afterwards, HttpStatusCode.NotFound, "property.not_found");
        Assert.DoesNotContain(propertyId.ToString(), properties.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvitationWithoutABodyOrWithAnotherMediaTypeIsRefusedAsTheClientsFault()
    {
        var (owner, _, propertyId) = await NewPropertyAsync();

        using var empty = await owner.PostAsync($"/v1/properties/{propertyId}/invitations", null);
        using var text = await owner.PostAsync(
            $"/v1/properties/{propertyId}/invitations", new StringContent("accessLevel=staff", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        await ProblemAssert.IsProblemAsync(text, HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
    }

    [Fact]
    public async Task AMemberChangeThatIsNotJsonIs415()
    {
        var (owner, ownerId, propertyId) = await NewPropertyAsync();

        using var response = await owner.PatchAsync(
            $"/v1/properties/{propertyId}/crew/{ownerId}", new StringContent("accessLevel=staff", System.Text.Encoding.UTF8, "text/plain"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
    }

    [Theory]
    [InlineData("GET", "/v1/properties/{0}/invitations")]
    [InlineData("POST", "/v1/properties/{0}/invitations")]
    [InlineData("DELETE", "/v1/properties/{0}/invitations/{0}")]
    [InlineData("POST", "/v1/invitations/some-token/accept")]
    [InlineData("GET", "/v1/properties/{0}/crew")]
    [InlineData("PATCH", "/v1/properties/{0}/crew/{0}")]
    [InlineData("DELETE", "/v1/properties/{0}/crew/{0}")]
    [InlineData("POST", "/invitations/some-token/accept")]
    public async Task EveryCrewEndpointNeedsAnAuthenticatedCaller(string method, string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, path, Guid.NewGuid()))
        {
            Content = method is "POST" or "PATCH" ? JsonContent.Create(new { accessLevel = "staff" }) : null,
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TheRootPathsAcceptToo()
    {
        var (owner, _, propertyId) = await NewPropertyAsync();
        var (invitee, _, _) = await NewUserAsync();
        var token = (await InviteAsync(owner, propertyId, new { accessLevel = "staff" })).GetProperty("token").GetString()!;

        using var accepted = await invitee.PostAsync($"/invitations/{token}/accept", null);
        var crew = await owner.GetFromJsonAsync<JsonElement>($"/properties/{propertyId}/crew");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(2, crew.GetArrayLength());
    }

    [Fact]
    public async Task TheDocumentShowsTheInvitationSchemasInCamelCase()
    {
        using var client = factory.CreateClient();

        var schemas = (await client.GetFromJsonAsync<JsonElement>("/openapi.json")).GetProperty("components").GetProperty("schemas");

        Assert.Equal(InvitationFields, Fields(schemas.GetProperty("InvitationResponse").GetProperty("properties")));
        Assert.Equal(["email", "maxUses", "expiresAt", "accessLevel", "locale", "service"], Fields(schemas.GetProperty("CreateInvitationRequest").GetProperty("properties")));
        Assert.Equal(["propertyId", "propertyName"], Fields(schemas.GetProperty("AcceptInvitationResponse").GetProperty("properties")));
        Assert.Equal(MemberFields, Fields(schemas.GetProperty("CrewMemberResponse").GetProperty("properties")));
        Assert.Equal(["accessLevel", "service"], Fields(schemas.GetProperty("UpdateCrewMemberRequest").GetProperty("properties")));
    }
}
