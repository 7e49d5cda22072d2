using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Kasify.Api.Auth;

/// <summary>Authentication scheme names.</summary>
internal static class KasifyAuthSchemes
{
    /// <summary>The default scheme: forwards each request to <see cref="Jwt"/> or <see cref="PersonalAccessToken"/> by its bearer token.</summary>
    public const string Default = "Kasify";

    /// <summary>
    /// OIDC access tokens. Named "Bearer" so the handler reads <c>Authentication:Schemes:Bearer</c>, where
    /// <c>dotnet user-jwts</c> writes its development issuer and keys and production sets Authority and ValidAudiences.
    /// </summary>
    public const string Jwt = JwtBearerDefaults.AuthenticationScheme;

    /// <summary>Personal access tokens (<c>kas_pat_…</c>), resolved through the token index grain.</summary>
    public const string PersonalAccessToken = "PersonalAccessToken";
}
