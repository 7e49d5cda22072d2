using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kasify.Api.Tests.Infrastructure;

/// <summary>
/// Mints access tokens the way an OIDC provider would. <see cref="KasifyApiFactory"/> configures the API's real JwtBearer
/// handler with this issuer, audience and key (the same keys <c>dotnet user-jwts</c> writes), so validation is not bypassed.
/// </summary>
public static class TestJwt
{
    public const string Issuer = "https://identity.kasify.test";
    public const string Audience = "kasify-api-tests";

    /// <summary>The HMAC key the factory configures; a new one per test run.</summary>
    public static byte[] SigningKey { get; } = RandomNumberGenerator.GetBytes(32);

    /// <summary>
    /// A signed token for <paramref name="subject"/>, valid for an hour unless <paramref name="expires"/> says otherwise.
    /// Extra <paramref name="claims"/> (roles, email) are added as they are.
    /// </summary>
    public static string Create(
        string subject,
        IEnumerable<Claim>? claims = null,
        string audience = Audience,
        DateTimeOffset? expires = null,
        byte[]? signingKey = null,
        string issuer = Issuer)
    {
        var expiry = expires ?? DateTimeOffset.UtcNow.AddHours(1);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", subject), .. claims ?? []]),
            NotBefore = expiry.AddHours(-2).UtcDateTime,
            IssuedAt = expiry.AddHours(-2).UtcDateTime,
            Expires = expiry.UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signingKey ?? SigningKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>A fresh subject, so every test is a different caller.</summary>
    public static string NewSubject() => "test|" + Guid.NewGuid().ToString("N");
}
