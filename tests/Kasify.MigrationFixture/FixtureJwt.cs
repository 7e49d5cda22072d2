using System.Security.Claims;
using System.Security.Cryptography;
using Kasify.Testing.Migration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kasify.MigrationFixture;

/// <summary>
/// Mints the users' JWTs as an OIDC provider would. The issuer is the API tests' (<c>TestJwt.Issuer</c>): a user is
/// its issuer and subject, so the tests reach the same users with tokens of their own signing key.
/// </summary>
internal sealed class FixtureJwt
{
    public const string Issuer = "https://identity.kasify.test";
    public const string Audience = "kasify-migration-fixture";

    /// <summary>The HMAC key the API process is given; new for every run.</summary>
    public byte[] SigningKey { get; } = RandomNumberGenerator.GetBytes(32);

    /// <summary>A token for <paramref name="user"/> with its verified email, valid for two hours.</summary>
    public string Create(FixtureUser user)
    {
        var now = DateTimeOffset.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", user.Subject),
                new Claim("email", user.Email),
                new Claim("email_verified", "true", ClaimValueTypes.Boolean),
            ]),
            NotBefore = now.AddMinutes(-5).UtcDateTime,
            IssuedAt = now.AddMinutes(-5).UtcDateTime,
            Expires = now.AddHours(2).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(SigningKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
