using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Kasify.Api.Tests.Infrastructure;

namespace Kasify.Api.Tests.Identity;

[Collection(ApiCollection.Name)]
public sealed class RegistrationAndAccountApiTests(KasifyApiFactory factory)
{
    [Fact]
    public async Task RegisteringIsIdempotentAndUsesTheTokensClaims()
    {
        using var client = factory.CreateAuthenticatedClient(claims: [new Claim("email", "ana@example.org"), new Claim("given_name", "Ana")]);

        using var first = await client.PostAsync("/auth/register", null);
        using var second = await client.PostAsync("/v1/auth/register", null);
        var firstUser = await first.Content.ReadFromJsonAsync<JsonElement>();
        var secondUser = await second.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(firstUser.GetProperty("id").GetGuid(), secondUser.GetProperty("id").GetGuid());
        Assert.Equal("ana@example.org", firstUser.GetProperty("email").GetString());
        Assert.Equal("Ana", firstUser.GetProperty("first_name").GetString());
    }

    [Fact]
    public async Task AnUnregisteredIdentityIsToldToRegister()
    {
        using var client = factory.CreateAuthenticatedClient();

        using var response = await client.GetAsync("/v1/account");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "auth.not_registered");
    }

    [Fact]
    public async Task TheAccountCanBeReadAndReplaced()
    {
        using var client = factory.CreateAuthenticatedClient();
        var userId = await client.RegisterAsync();

        using var update = await client.PutAsJsonAsync("/v1/account", new
        {
            name = "Casas Ana",
            email = "ana@example.org",
            first_name = "Ana",
            last_name = "García",
            phone = "+34 600 000 000",
            locale = "es",
            company_name = "Casas Ana SL",
            tax_id = "B12345678",
        });
        var account = await (await client.GetAsync("/account")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal(userId, account.GetProperty("user_id").GetGuid());
        Assert.Equal("es", account.GetProperty("locale").GetString());
        Assert.Equal("Casas Ana SL", account.GetProperty("company_name").GetString());
        Assert.Equal("García", account.GetProperty("last_name").GetString());
    }

    [Fact]
    public async Task AnUnknownLocaleAndABadEmailAreFieldErrors()
    {
        using var client = factory.CreateAuthenticatedClient();
        await client.RegisterAsync();

        using var unknownEnum = await client.PutAsJsonAsync("/v1/account", new { locale = "fr" });
        using var badEmail = await client.PutAsJsonAsync("/v1/account", new { locale = "en", email = "not-an-email" });

        var enumProblem = await ProblemAssert.IsProblemAsync(unknownEnum, HttpStatusCode.BadRequest, "validation.failed");
        var emailProblem = await ProblemAssert.IsProblemAsync(badEmail, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(enumProblem.GetProperty("errors").TryGetProperty("locale", out _));
        Assert.True(emailProblem.GetProperty("errors").TryGetProperty("email", out _));
    }
}
