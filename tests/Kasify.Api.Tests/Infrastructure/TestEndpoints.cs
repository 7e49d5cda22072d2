using System.Security.Claims;
using Kasify.Api.Auth;
using Kasify.Api.Identity;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kasify.Api.Tests.Infrastructure;

/// <summary>
/// Endpoints that exist only in tests, to exercise the host's pipeline (authentication, rate limits, the cluster
/// check, error mapping) independently of the business endpoints. They go through the same middleware as those.
/// </summary>
internal sealed class TestEndpoints : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);

        // After the host's pipeline is built, UseEndpoints reaches the application's own route builder, so these
        // endpoints are matched by its routing middleware and run behind its authentication and error handling.
        app.UseEndpoints(Map);
    };

    private static void Map(IEndpointRouteBuilder routes)
    {
        // Left out of the OpenAPI document, so the test host serves exactly the production document.
        var test = routes.MapGroup("/test").ExcludeFromDescription();
        test.MapGet("/caller", GetCallerAsync);
        test.MapGet("/admin", () => "admin").RequireAuthorization(KasifyPolicies.Admin);
        test.MapGet("/public", () => "public").AllowAnonymous();
        test.MapPost("/echo", (TestPayload payload) => payload);
        test.MapGet("/missing", () => TypedResults.NotFound());
        test.MapGet("/unknown-user", (IGrainFactory grains) => grains.GetGrain<IUserGrain>(Guid.NewGuid()).GetAccountAsync());
        test.MapGet("/throw/{kind}", Throw);
    }

    /// <summary>Who the caller is, with a grain call per identity kind, so authentication and the cluster are both exercised.</summary>
    private static async Task<CallerResponse> GetCallerAsync(ClaimsPrincipal principal, IGrainFactory grains)
    {
        if (principal.FindFirstValue(KasifyClaims.UserId) is { } userId)
        {
            var user = await grains.GetGrain<IUserGrain>(Guid.Parse(userId)).GetAsync();
            return new CallerResponse(null, user?.Id, principal.FindFirstValue(KasifyClaims.TokenId));
        }

        var subject = principal.FindFirstValue(KasifyClaims.Subject)!;
        var registered = await grains.GetGrain<ISubjectIndexGrain>(
            SubjectKeys.For(principal.FindFirstValue(KasifyClaims.Issuer)!, subject)).GetUserIdAsync();
        return new CallerResponse(subject, registered, null);
    }

    private static string Throw(string kind) => kind switch
    {
        "plain" => throw new InvalidOperationException(SecretMessage),
        "not-found" => throw new NotFoundException("thing.not_found", "No such thing."),
        "conflict" => throw new ConflictException("thing.exists", "The thing exists."),
        "forbidden" => throw new ForbiddenException("thing.forbidden", "Not yours."),
        "rule" => throw new DomainRuleException("thing.rule", "A rule says no."),
        "validation" => throw new RequestValidationException("validation.failed", "rooms_count", "Must be positive."),
        "integration" => throw new IntegrationUnavailableException("nuki.unavailable", "Nuki is down."),
        "silo" => throw new SiloUnavailableException(SecretMessage),
        "timeout" => throw new TimeoutException(SecretMessage),
        "too-large" => throw new BadHttpRequestException(SecretMessage, StatusCodes.Status413PayloadTooLarge),
        _ => "unknown kind",
    };

    /// <summary>Text that must never reach a response body.</summary>
    public const string SecretMessage = "internal detail 5f3a: connection string Host=db;Password=hunter2";
}
