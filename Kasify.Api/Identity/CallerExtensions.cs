using System.Security.Claims;
using Kasify.Api.Auth;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.Identity;

namespace Kasify.Api.Identity;

/// <summary>Resolves the authenticated principal to its Kasify user.</summary>
internal static class CallerExtensions
{
    /// <summary>
    /// The caller's user id: straight from the claim of a personal access token, or found by OIDC issuer and subject
    /// (<see cref="FindRegisteredUserIdAsync"/>). A valid token of someone who never registered is a 403
    /// <c>auth.not_registered</c>.
    /// </summary>
    public static async Task<Guid> GetUserIdAsync(this ClaimsPrincipal principal, IGrainFactory grains)
    {
        if (principal.GetPersonalAccessTokenUserId() is { } userId)
        {
            return userId;
        }

        var registered = await grains.FindRegisteredUserIdAsync(principal.GetSubjectKey());
        return registered ?? throw new ForbiddenException(
            "auth.not_registered", "This identity has no Kasify user yet: call POST /auth/register first.");
    }

    /// <summary>
    /// The user id an OIDC identity registered as, or null: from <see cref="RegisteredSubjects"/> when this process has
    /// seen it lately, otherwise from the subject index grain (and then remembered, if registered).
    /// </summary>
    public static async Task<Guid?> FindRegisteredUserIdAsync(this IGrainFactory grains, string subjectKey)
    {
        var registeredSubjects = RegisteredSubjects.Of(grains);
        if (registeredSubjects.TryGetUserId(subjectKey, out var userId))
        {
            return userId;
        }

        var registered = await grains.GetGrain<ISubjectIndexGrain>(subjectKey).GetUserIdAsync();
        if (registered is { } found)
        {
            registeredSubjects.Remember(subjectKey, found);
        }

        return registered;
    }

    /// <summary>The subject index key of an OIDC principal.</summary>
    public static string GetSubjectKey(this ClaimsPrincipal principal)
    {
        var subject = principal.FindFirstValue(KasifyClaims.Subject);
        if (string.IsNullOrEmpty(subject))
        {
            throw new ForbiddenException("auth.no_subject", "The token has no subject claim.");
        }

        return SubjectKeys.For(principal.FindFirstValue(KasifyClaims.Issuer) ?? "", subject);
    }
}
