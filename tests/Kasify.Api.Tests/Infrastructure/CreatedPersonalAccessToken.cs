namespace Kasify.Api.Tests.Infrastructure;

/// <summary>A registered user and a personal access token it created; <see cref="Token"/> is the raw <c>kas_pat_…</c> value.</summary>
public sealed record CreatedPersonalAccessToken(Guid UserId, Guid TokenId, string Token);
