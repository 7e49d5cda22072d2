using System.Security.Claims;
using System.Text.Json;
using Kasify.Api.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Kasify.Api.Auth;

/// <summary>Grants <see cref="AdminRequirement"/> from a role claim or from the configured admin list.</summary>
internal sealed class AdminAuthorizationHandler(IOptionsMonitor<KasifyAuthOptions> options) : AuthorizationHandler<AdminRequirement>
{
    private const string AdminRole = "admin";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminRequirement requirement)
    {
        if (HasAdminRole(context.User) || IsListedAdmin(context.User, options.CurrentValue.Admins))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private static bool HasAdminRole(ClaimsPrincipal user) =>
        user.Claims.Any(claim => claim.Type is "role" or "roles" && IsAdminRole(claim.Value));

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

    private static bool IsListedAdmin(ClaimsPrincipal user, IReadOnlyList<string> admins)
    {
        if (admins.Count == 0)
        {
            return false;
        }

        var subject = user.FindFirstValue(KasifyClaims.Subject);
        var userId = user.FindFirstValue(KasifyClaims.UserId);
        var email = user.FindFirstValue("email");
        return admins.Any(admin =>
            (subject is not null && admin == subject)
            || (userId is not null && string.Equals(admin, userId, StringComparison.OrdinalIgnoreCase))
            || (email is not null && string.Equals(admin, email, StringComparison.OrdinalIgnoreCase)));
    }
}
