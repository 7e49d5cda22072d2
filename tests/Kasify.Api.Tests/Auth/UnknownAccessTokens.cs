using System.Buffers.Text;
using System.Security.Cryptography;
using Kasify.Grains.Interfaces.Identity;

namespace Kasify.Api.Tests.Auth;

/// <summary>Personal access tokens that no user ever created.</summary>
internal static class UnknownAccessTokens
{
    /// <summary>Shaped exactly like a minted token (prefix and 32 random bytes in unpadded URL-safe Base64), so the API looks it up.</summary>
    public static string WellFormed() => AccessTokenKeys.TokenPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
