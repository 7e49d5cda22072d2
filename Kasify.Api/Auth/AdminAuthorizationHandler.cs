using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Kasify.Api.Hosting;
using Kasify.Api.Identity;
using Kasify.Grains.Interfaces.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Kasify.Api.Auth;

/// <summary>
/// Grants <see cref="AdminRequirement"/> from the configured namespaced role claim (<see cref="KasifyAuthOptions.AdminRoleClaim"/>)
/// or from <c>Kasify:Auth:Admins</c>, whose
/// entries are Kasify user ids (anything that parses as a GUID) or OIDC subjects. A user id matches a personal access
/// token's user, and an OIDC caller whose issuer and subject are registered to that user; a subject matches the
/// <c>sub</c> of an OIDC caller exactly. Unverified claims such as <c>email</c> never grant anything.
/// </summary>
internal sealed class AdminAuthorizationHandler(
    IOptionsMonitor<KasifyAuthOptions> options,
    IGrainFactory grains,
    ClusterConnection cluster) : AuthorizationHandler<AdminRequirement>
{
    private const string AdminRole = "admin";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminRequirement requirement)
    {
        var settings = options.CurrentValue;
        if (HasAdminRole(context.User, settings.AdminRoleClaim) || await IsListedAdminAsync(context.User, settings.Admins))
        {
            context.Succeed(requirement);
        }
    }

    // Personal access tokens carry only Kasify's own claims, so a role claim can only come from the identity provider.
    private static bool HasAdminRole(ClaimsPrincipal user, string claimType) =>
        !string.IsNullOrEmpty(claimType)
        && user.GetPersonalAccessTokenIdentity() is null
        && user.Claims.Any(claim => string.Equals(claim.Type, claimType, StringComparison.Ordinal) && IsAdminRole(claim.Value));

    // Kinde puts roles into access tokens as objects ({"id": …, "key": "admin", "name": …}), which arrive as JSON text.
    private static bool IsAdminRole(string value)
    {
        if (!value.StartsWith('{'))
        {
            return value == AdminRole;
        }

        try
        {
            using var role = JsonDocument.Parse(value);
            return role.RootElement.TryGetProperty("key", out var key)
                && key.ValueKind == JsonValueKind.String
                && key.GetString() == AdminRole;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private async Task<bool> IsListedAdminAsync(ClaimsPrincipal user, IReadOnlyList<string> admins)
    {
        if (admins.Count == 0)
        {
            return false;
        }

        var userIds = admins.Select(ParseUserId).OfType<Guid>().ToHashSet();
        if (user.GetPersonalAccessTokenIdentity() is not null)
        {
            return user.GetPersonalAccessTokenUserId() is { } tokenUserId && userIds.Contains(tokenUserId);
        }

        var subject = user.FindFirstValue(KasifyClaims.Subject);
        if (string.IsNullOrEmpty(subject))
        {
            return false;
        }

        if (admins.Any(admin => ParseUserId(admin) is null && admin == subject))
        {
            return true;
        }

        if (userIds.Count == 0)
        {
            return false;
        }

        cluster.EnsureConnected();
        var key = SubjectKeys.For(user.FindFirstValue(KasifyClaims.Issuer) ?? "", subject);
        return await grains.FindRegisteredUserIdAsync(key) is { } registered && userIds.Contains(registered);
    }

    private static Guid? ParseUserId(string admin) =>
        Guid.TryParse(admin, CultureInfo.InvariantCulture, out var userId) ? userId : null;
}
