using System.Security.Claims;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Testing.Migration;

namespace Kasify.Api.Tests.Migration;

/// <summary>
/// HTTP clients for the fixture's callers: each user with a JWT of the test key for its subject (the issuer is the
/// fixture's, so it is the same user), the personal access token, and nobody for the public endpoints.
/// </summary>
internal sealed class FixtureCallers(KasifyApiFactory api, FixtureManifest manifest) : IDisposable
{
    private readonly Dictionary<string, HttpClient> _clients = [];

    public HttpClient this[string caller]
    {
        get
        {
            if (!_clients.TryGetValue(caller, out var client))
            {
                client = caller switch
                {
                    RecordedRequest.Public => api.CreateClient(),
                    RecordedRequest.PersonalAccessToken => api.CreateBearerClient(manifest.PersonalAccessToken.Token),
                    _ => api.CreateBearerClient(Token(manifest.User(caller))),
                };
                _clients[caller] = client;
            }

            return client;
        }
    }

    /// <summary>A JWT as the identity provider issues it to <paramref name="user"/>: verified email included.</summary>
    public static string Token(FixtureUser user) =>
        TestJwt.Create(user.Subject, [new Claim("email", user.Email), new Claim("email_verified", "true", ClaimValueTypes.Boolean)]);

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
