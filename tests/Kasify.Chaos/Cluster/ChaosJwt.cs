using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kasify.Chaos.Cluster;

/// <summary>Mints the run's users' JWTs as an OIDC provider would, signed with a key the API hosts are given.</summary>
internal sealed class ChaosJwt
{
    public const string Issuer = "https://identity.kasify.chaos";
    public const string Audience = "kasify-chaos";

    /// <summary>The HMAC key the API processes are given; new for every run.</summary>
    public byte[] SigningKey { get; } = RandomNumberGenerator.GetBytes(32);

    /// <summary>A token for subject <paramref name="subject"/>, valid for the longest run plus margin.</summary>
    public string Create(string subject)
    {
        var now = DateTimeOffset.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", subject),
                new Claim("email", $"{subject}@chaos.kasify.test"),
                new Claim("email_verified", "true", ClaimValueTypes.Boolean),
            ]),
            NotBefore = now.AddMinutes(-5).UtcDateTime,
            IssuedAt = now.AddMinutes(-5).UtcDateTime,
            Expires = now.AddHours(12).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(SigningKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
