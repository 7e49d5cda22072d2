namespace Kasify.Api.Tests.Infrastructure;

/// <summary>What <c>GET /test/caller</c> answers: the OIDC subject or the token's user, and the token id.</summary>
public sealed record CallerResponse(string? Subject, Guid? UserId, string? TokenId);
