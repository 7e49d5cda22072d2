using System.Runtime.CompilerServices;
using Microsoft.Extensions.Caching.Memory;

namespace Kasify.Api.Identity;

/// <summary>
/// The Kasify user ids of OIDC identities (by subject index key) that this API process has seen registered, so that a
/// request with a JWT finds its user without a grain call. Only registered identities are remembered, so a registration
/// is seen at once; an identity's user id never changes, so an entry cannot go stale. Entries still expire after
/// <see cref="Lifetime"/>, and at most <see cref="Capacity"/> are kept (beyond that, new identities are looked up
/// until room is made), which bounds the memory this takes. Personal access tokens are never cached here.
/// </summary>
internal sealed class RegisteredSubjects
{
    /// <summary>How long an identity's user id is remembered.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>How many identities are remembered at most.</summary>
    public const int Capacity = 50_000;

    // Every endpoint reaches the caller's user id through CallerExtensions, which is given the grain factory and no
    // services; so the cache hangs off the cluster client. It lives and dies with the client, and hosts connected to
    // different clusters (as tests run them) never share answers.
    private static readonly ConditionalWeakTable<IGrainFactory, RegisteredSubjects> PerClient = new();

    private readonly MemoryCache _userIds;
    private readonly TimeSpan _lifetime;

    internal RegisteredSubjects(int capacity, TimeSpan lifetime, TimeProvider? time = null)
    {
        _userIds = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity, Clock = time is null ? null : new TimeProviderClock(time) });
        _lifetime = lifetime;
    }

    /// <summary>How many identities are remembered now.</summary>
    internal int Count => _userIds.Count;

    /// <summary>The cache used with this cluster client.</summary>
    public static RegisteredSubjects Of(IGrainFactory grains) => PerClient.GetValue(grains, _ => new RegisteredSubjects(Capacity, Lifetime));

    /// <summary>The remembered user id of the identity with this subject index key, if any.</summary>
    public bool TryGetUserId(string subjectKey, out Guid userId) => _userIds.TryGetValue(subjectKey, out userId);

    /// <summary>Remembers that the identity with this subject index key is registered as <paramref name="userId"/>.</summary>
    public void Remember(string subjectKey, Guid userId) =>
        _userIds.Set(subjectKey, userId, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _lifetime });
}
