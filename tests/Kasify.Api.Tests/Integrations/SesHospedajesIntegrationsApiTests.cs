using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Grains.Interfaces.Integrations;

namespace Kasify.Api.Tests.Integrations;

/// <summary>
/// The <c>ses_hospedajes</c> integration against the SES.HOSPEDAJES fake: its demo credentials connect, the password
/// never comes back, and the Ministry's refusals and outages read as for the other vendors.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SesHospedajesIntegrationsApiTests(KasifyApiFactory factory)
{
    private const string Username = "B12345678WS";
    private const string Password = "Kasify-Demo-2025";
    private const string ArrendadorCode = "0000123456";

    private static object Body(string password = Password, string environment = "test", string? name = "Ministry") => new
    {
        name,
        arrendador_code = ArrendadorCode,
        username = Username,
        password,
        environment,
    };

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task AnSesIntegrationCanBeConnectedListedUpdatedAndDeletedWithoutItsPassword()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();

        using var create = await owner.PostAsJsonAsync("/v1/integrations/ses_hospedajes", Body());
        var createdText = await create.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var created = JsonDocument.Parse(createdText).RootElement;
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/v1/integrations/ses_hospedajes/{id}", create.Headers.Location?.OriginalString);
        Assert.Equal(
            ["type", "id", "name", "token_hint", "arrendador_code", "username", "environment", "application_name", "smartlock_count", "created_at", "updated_at"],
            created.EnumerateObject().Select(field => field.Name));
        Assert.Equal("ses_hospedajes", created.GetProperty("type").GetString());
        Assert.Equal("Ministry", created.GetProperty("name").GetString());
        Assert.Equal(ArrendadorCode, created.GetProperty("arrendador_code").GetString());
        Assert.Equal(Username, created.GetProperty("username").GetString());
        Assert.Equal("test", created.GetProperty("environment").GetString());
        Assert.Equal("Kasify", created.GetProperty("application_name").GetString());
        Assert.Equal("••••" + Password[^4..], created.GetProperty("token_hint").GetString());
        Assert.DoesNotContain(Password, createdText, StringComparison.Ordinal);

        var all = await owner.GetStringAsync("/v1/integrations");
        Assert.DoesNotContain(Password, all, StringComparison.Ordinal);
        Assert.Equal(created.ToString(), Assert.Single(JsonDocument.Parse(all).RootElement.GetProperty("integrations").EnumerateArray()).ToString());
        var ofType = await owner.GetStringAsync("/integrations/SES_HOSPEDAJES");
        Assert.DoesNotContain(Password, ofType, StringComparison.Ordinal);
        Assert.Equal([id], ApiLocks.Ids(JsonDocument.Parse(ofType).RootElement.GetProperty("integrations")));

        var checks = factory.Ses.State.RequestCount;
        using var update = await owner.PutAsJsonAsync($"/v1/integrations/ses_hospedajes/{id}", new
        {
            arrendador_code = ArrendadorCode,
            username = Username,
            password = Password,
            environment = "PRODUCTION",
            application_name = "Casa Azul",
        });
        var updatedText = await update.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.True(factory.Ses.State.RequestCount > checks, "the update did not check the credentials again");
        var updated = JsonDocument.Parse(updatedText).RootElement;
        Assert.Equal("SES Hospedajes", updated.GetProperty("name").GetString());
        Assert.Equal("production", updated.GetProperty("environment").GetString());
        Assert.Equal("Casa Azul", updated.GetProperty("application_name").GetString());
        Assert.DoesNotContain(Password, updatedText, StringComparison.Ordinal);

        using var delete = await owner.DeleteAsync($"/v1/integrations/ses_hospedajes/{id}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Empty((await owner.GetFromJsonAsync<JsonElement>("/v1/integrations")).GetProperty("integrations").EnumerateArray());
    }

    [Fact]
    public async Task TheSiloGetsTheDecryptedPasswordAndTheSettings()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        using var create = await owner.PostAsJsonAsync("/v1/integrations/ses_hospedajes", Body(environment: "Production"));
        var id = (await create.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var credentials = await factory.Grains.GetGrain<IIntegrationGrain>(id).GetCredentialsAsync();

        Assert.NotNull(credentials);
        Assert.Equal(IntegrationType.SesHospedajes, credentials.Type);
        Assert.Equal(Password, credentials.Token);
        Assert.Equal(new SesIntegrationSettings(ArrendadorCode, Username, SesEnvironment.Production, "Kasify"), credentials.Ses);
    }

    [Fact]
    public async Task AWrongPasswordIs400InvalidCredentials()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();

        using var create = await owner.PostAsJsonAsync("/v1/integrations/ses_hospedajes", Body(password: "not-the-password"));

        var problem = await ProblemAssert.IsProblemAsync(create, HttpStatusCode.BadRequest, "integration.invalid_credentials");
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _), problem.ToString());
        Assert.Empty((await owner.GetFromJsonAsync<JsonElement>("/v1/integrations")).GetProperty("integrations").EnumerateArray());
    }

    [Fact]
    public async Task AMinistryThatFailsIs503Unreachable()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        factory.Ses.State.Options.ErrorRate = 1;
        try
        {
            using var create = await owner.PostAsJsonAsync("/v1/integrations/ses_hospedajes", Body());
            await ProblemAssert.IsProblemAsync(create, HttpStatusCode.ServiceUnavailable, "integration.unreachable");
        }
        finally
        {
            factory.Ses.State.Options.ErrorRate = 0;
        }

        Assert.Empty((await owner.GetFromJsonAsync<JsonElement>("/v1/integrations")).GetProperty("integrations").EnumerateArray());
    }

    [Fact]
    public async Task AnUpdateWithAPasswordTheMinistryRefusesKeepsTheOldOne()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        using var create = await owner.PostAsJsonAsync("/v1/integrations/ses_hospedajes", Body());
        var id = (await create.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var update = await owner.PutAsJsonAsync($"/v1/integrations/ses_hospedajes/{id}", Body(password: "changed-but-wrong"));

        await ProblemAssert.IsProblemAsync(update, HttpStatusCode.BadRequest, "integration.invalid_credentials");
        Assert.Equal(Password, (await factory.Grains.GetGrain<IIntegrationGrain>(id).GetCredentialsAsync())!.Token);
    }

    [Fact]
    public async Task ASecondSesIntegrationIs409Exists()
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        using var first = await owner.PostAsJsonAsync("/v1/integrations/ses_hospedajes", Body());
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var second = await owner.PostAsJsonAsync("/v1/integrations/ses_hospedajes", Body(name: "Again"));

        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Conflict, "integration.exists");
    }

    [Theory]
    [InlineData("""{"username":"u","password":"p","environment":"test"}""", "arrendador_code")]
    [InlineData("""{"arrendador_code":"   ","username":"u","password":"p","environment":"test"}""", "arrendador_code")]
    [InlineData("""{"arrendador_code":"01234567890","username":"u","password":"p","environment":"test"}""", "arrendador_code")]
    [InlineData("""{"arrendador_code":"0000123456","password":"p","environment":"test"}""", "username")]
    [InlineData("""{"arrendador_code":"0000123456","username":"u","environment":"test"}""", "password")]
    [InlineData("""{"arrendador_code":"0000123456","username":"u","password":"p"}""", "environment")]
    [InlineData("""{"arrendador_code":"0000123456","username":"u","password":"p","environment":"staging"}""", "environment")]
    [InlineData("""{"arrendador_code":"0000123456","username":"u","password":"p","environment":"1"}""", "environment")]
    [InlineData("""{"arrendador_code":"0000123456","username":"u","password":"p","environment":"test","application_name":"012345678901234567890123456789012345678901234567890"}""", "application_name")]
    [InlineData("""{"arrendador_code":"0000123456","username":"u","password":"p","environment":"test","token":"x"}""", "token")]
    public async Task InvalidBodiesAreFieldErrors(string body, string field)
    {
        using var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var requests = factory.Ses.State.RequestCount;

        using var create = await owner.PostAsync("/v1/integrations/ses_hospedajes", Json(body));
        using var update = await owner.PutAsync($"/v1/integrations/ses_hospedajes/{Guid.NewGuid()}", Json(body));

        foreach (var response in new[] { create, update })
        {
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        }

        Assert.Equal(requests, factory.Ses.State.RequestCount);
    }
}
