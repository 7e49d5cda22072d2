using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Grains.Interfaces.Identity;

namespace Kasify.Api.Tests.Identity;

/// <summary>How the API finds the Kasify user behind an identity-provider token, and how often it asks the cluster.</summary>
[Collection(ApiCollection.Name)]
public sealed class CallerResolutionTests(KasifyApiFactory factory)
{
    private const string GetUserId = nameof(ISubjectIndexGrain.GetUserIdAsync);

    [Fact]
    public async Task ASecondRequestDoesNotAskTheSubjectIndexAgain()
    {
        // Registered in the grains, not through this API host, so the host learns the user id from its first request.
        var subject = TestJwt.NewSubject();
        var key = SubjectKeys.For(TestJwt.Issuer, subject);
        await factory.Grains.GetGrain<ISubjectIndexGrain>(key)
            .RegisterAsync(new RegisterUser(TestJwt.Issuer, subject, "ana@example.org", "Ana", null, "es"));
        using var client = factory.CreateAuthenticatedClient(subject);

        using var first = await client.GetAsync("/v1/account");
        using var second = await client.GetAsync("/v1/account");
        using var third = await client.GetAsync("/v1/account/tokens");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(1, factory.GrainCalls.CallsTo(SubjectIndex(key), GetUserId));
    }

    [Fact]
    public async Task RegistrationIsSeenAtOnceAndAnswersTheNextRequests()
    {
        var subject = TestJwt.NewSubject();
        var key = SubjectKeys.For(TestJwt.Issuer, subject);
        using var client = factory.CreateAuthenticatedClient(subject);

        using var beforeRegistering = await client.GetAsync("/v1/account");
        var userId = await client.RegisterAsync();
        using var afterRegistering = await client.GetAsync("/v1/account");
        using var again = await client.GetAsync("/v1/account/tokens");

        // Only the request before registration asked: "not registered" is never remembered, registration fills the cache.
        await ProblemAssert.IsProblemAsync(beforeRegistering, HttpStatusCode.Forbidden, "auth.not_registered");
        Assert.Equal(HttpStatusCode.OK, afterRegistering.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(userId, (await afterRegistering.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user_id").GetGuid());
        Assert.Equal(1, factory.GrainCalls.CallsTo(SubjectIndex(key), GetUserId));
    }

    [Fact]
    public async Task AnUnregisteredIdentityIsAskedAboutOnEveryRequest()
    {
        var subject = TestJwt.NewSubject();
        using var client = factory.CreateAuthenticatedClient(subject);

        using var first = await client.GetAsync("/v1/account");
        using var second = await client.GetAsync("/v1/account");

        await ProblemAssert.IsProblemAsync(first, HttpStatusCode.Forbidden, "auth.not_registered");
        await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Forbidden, "auth.not_registered");
        Assert.Equal(2, factory.GrainCalls.CallsTo(SubjectIndex(SubjectKeys.For(TestJwt.Issuer, subject)), GetUserId));
    }

    [Fact]
    public async Task AListedAdministratorIsRecognisedWithoutALookUpPerRequest()
    {
        var subject = TestJwt.NewSubject();
        var key = SubjectKeys.For(TestJwt.Issuer, subject);
        var registration = await factory.Grains.GetGrain<ISubjectIndexGrain>(key)
            .RegisterAsync(new RegisterUser(TestJwt.Issuer, subject, null, null, null, "en"));
        await using var host = factory.WithSettings(new Dictionary<string, string?> { ["Kasify:Auth:Admins:0"] = registration.User.Id.ToString() });
        using var admin = host.CreateAuthenticatedClient(subject);

        using var first = await admin.GetAsync("/v1/users");
        using var second = await admin.GetAsync("/v1/users");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, factory.GrainCalls.CallsTo(SubjectIndex(key), GetUserId));
    }

    private GrainId SubjectIndex(string key) => factory.Grains.GetGrain<ISubjectIndexGrain>(key).GetGrainId();
}
