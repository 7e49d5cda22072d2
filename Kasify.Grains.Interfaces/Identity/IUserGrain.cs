using System.Collections.Immutable;
using Kasify.Grains.Interfaces.Accounts;
using Orleans.Concurrency;

namespace Kasify.Grains.Interfaces.Identity;

/// <summary>A Kasify user: profile, personal access tokens and property memberships. Key: user id.</summary>
[Alias("Kasify.Grains.Interfaces.Identity.IUserGrain")]
public interface IUserGrain : IGrainWithGuidKey
{
    /// <summary>Creates the user (idempotent: a second call returns the existing user).</summary>
    [Alias("InitializeAsync")]
    Task<UserDto> InitializeAsync(InitializeUser command);

    /// <summary>The user, or null if it does not exist.</summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<UserDto?> GetAsync();

    /// <summary>The user's profile together with its account.</summary>
    [ReadOnly]
    [Alias("GetAccountAsync")]
    Task<AccountDto> GetAccountAsync();

    /// <summary>Replaces the mutable profile and account fields.</summary>
    [Alias("UpdateAccountAsync")]
    Task<AccountDto> UpdateAccountAsync(UpdateAccount command);

    /// <summary>Creates a personal access token; the raw value is in the result only.</summary>
    [Alias("CreateAccessTokenAsync")]
    Task<CreatedAccessTokenDto> CreateAccessTokenAsync(CreateAccessToken command);

    /// <summary>The user's active (not revoked, not expired) tokens, newest first, without raw values.</summary>
    [ReadOnly]
    [Alias("ListAccessTokensAsync")]
    Task<ImmutableArray<AccessTokenDto>> ListAccessTokensAsync();

    /// <summary>Revokes a token at once; unknown ids are a <c>token.not_found</c> 404.</summary>
    [Alias("RevokeAccessTokenAsync")]
    Task RevokeAccessTokenAsync(Guid tokenId);

    /// <summary>The properties the user has a role on.</summary>
    [ReadOnly]
    [Alias("GetMembershipsAsync")]
    Task<ImmutableArray<PropertyMembership>> GetMembershipsAsync();

    /// <summary>Records (or changes) the user's role on a property; called by the property grain.</summary>
    [Alias("SetMembershipAsync")]
    Task SetMembershipAsync(PropertyMembership membership);

    /// <summary>Forgets the user's role on a property; called by the property grain.</summary>
    [Alias("RemoveMembershipAsync")]
    Task RemoveMembershipAsync(Guid propertyId);
}
