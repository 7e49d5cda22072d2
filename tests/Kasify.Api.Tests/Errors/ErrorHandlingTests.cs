using System.Net;
using System.Net.Http.Json;
using System.Text;
using Kasify.Api.Tests.Infrastructure;

namespace Kasify.Api.Tests.Errors;

[Collection(ApiCollection.Name)]
public sealed class ErrorHandlingTests(KasifyApiFactory factory)
{
    [Fact]
    public async Task UnknownRouteIs404ForAnonymousAndAuthenticatedCallers()
    {
        using var anonymous = factory.CreateClient();
        using var authenticated = factory.CreateAuthenticatedClient();

        await ProblemAssert.IsProblemAsync(await anonymous.GetAsync("/no/such/route"), HttpStatusCode.NotFound, "route.not_found");
        await ProblemAssert.IsProblemAsync(await authenticated.GetAsync("/no/such/route"), HttpStatusCode.NotFound, "route.not_found");
    }

    [Fact]
    public async Task EndpointAnsweringNotFoundIs404ResourceNotFound()
    {
        using var client = factory.CreateAuthenticatedClient();

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/test/missing"), HttpStatusCode.NotFound, "resource.not_found");
    }

    [Fact]
    public async Task WrongMethodIs405()
    {
        using var client = factory.CreateAuthenticatedClient();

        await ProblemAssert.IsProblemAsync(await client.DeleteAsync("/test/caller"), HttpStatusCode.MethodNotAllowed, "method.not_allowed");
    }

    [Fact]
    public async Task PlainExceptionIs500WithoutItsTextOrStackTrace()
    {
        using var client = factory.CreateAuthenticatedClient();

        var response = await client.GetAsync("/test/throw/plain");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError, "internal");
        var body = problem.GetRawText();
        Assert.DoesNotContain("5f3a", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain("TestEndpoints", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-found", HttpStatusCode.NotFound, "thing.not_found", "No such thing.")]
    [InlineData("conflict", HttpStatusCode.Conflict, "thing.exists", "The thing exists.")]
    [InlineData("forbidden", HttpStatusCode.Forbidden, "thing.forbidden", "Not yours.")]
    [InlineData("rule", HttpStatusCode.UnprocessableEntity, "thing.rule", "A rule says no.")]
    [InlineData("integration", HttpStatusCode.ServiceUnavailable, "nuki.unavailable", "Nuki is down.")]
    public async Task KasifyExceptionKeepsItsCodeAndMessage(string kind, HttpStatusCode status, string code, string detail)
    {
        using var client = factory.CreateAuthenticatedClient();

        var problem = await ProblemAssert.IsProblemAsync(await client.GetAsync($"/test/throw/{kind}"), status, code);

        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RequestValidationExceptionListsFieldErrors()
    {
        using var client = factory.CreateAuthenticatedClient();

        var problem = await ProblemAssert.IsProblemAsync(await client.GetAsync("/test/throw/validation"), HttpStatusCode.BadRequest, "validation.failed");

        Assert.Equal("Must be positive.", problem.GetProperty("errors").GetProperty("rooms_count")[0].GetString());
    }

    [Fact]
    public async Task ExceptionThrownByAGrainCrossesOrleansWithItsCode()
    {
        using var client = factory.CreateAuthenticatedClient();

        var problem = await ProblemAssert.IsProblemAsync(await client.GetAsync("/test/unknown-user"), HttpStatusCode.NotFound, "user.not_found");

        Assert.Equal("The user is not registered.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task SiloUnavailableIs503WithRetryAfter()
    {
        using var client = factory.CreateAuthenticatedClient();

        var response = await client.GetAsync("/test/throw/silo");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "cluster.unavailable");
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.DoesNotContain("5f3a", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeoutIs504()
    {
        using var client = factory.CreateAuthenticatedClient();

        var problem = await ProblemAssert.IsProblemAsync(await client.GetAsync("/test/throw/timeout"), HttpStatusCode.GatewayTimeout, "cluster.timeout");

        Assert.DoesNotContain("5f3a", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidBodyBindsWithSnakeCaseNames()
    {
        using var client = factory.CreateAuthenticatedClient();

        var response = await client.PostAsync("/test/echo", Json("""{"rooms_count": 2, "view": "sea_side"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new TestPayload(2, TestView.SeaSide), await response.Content.ReadFromJsonAsync<TestPayload>(WireJson.Options));
    }

    [Theory]
    [InlineData("""{"rooms_count": "two", "view": "sea_side"}""", "rooms_count")]
    [InlineData("""{"rooms_count": 2, "view": "desert"}""", "view")]
    [InlineData("this is not json", "body")]
    public async Task UnreadableBodyIs400ValidationFailedNamingTheField(string json, string field)
    {
        using var client = factory.CreateAuthenticatedClient();

        var response = await client.PostAsync("/test/echo", Json(json));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation.failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task BodyWithoutJsonContentTypeIs415()
    {
        using var client = factory.CreateAuthenticatedClient();

        var response = await client.PostAsync("/test/echo", new StringContent("""{"rooms_count": 2}""", Encoding.UTF8, "text/plain"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
    }

    [Fact]
    public async Task BodyTooLargeIs413()
    {
        using var client = factory.CreateAuthenticatedClient();

        var response = await client.GetAsync("/test/throw/too-large");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "request.too_large");
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
