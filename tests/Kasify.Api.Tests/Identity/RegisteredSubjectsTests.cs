using Kasify.Api.Identity;

namespace Kasify.Api.Tests.Identity;

/// <summary>The API process's cache of registered OIDC identities is bounded in size and in time.</summary>
public sealed class RegisteredSubjectsTests
{
    [Fact]
    public void ARememberedIdentityIsFoundUntilItsLifetimeEnds()
    {
        var time = new ManualTime();
        var cache = new RegisteredSubjects(capacity: 10, lifetime: TimeSpan.FromMinutes(5), time);
        var userId = Guid.NewGuid();

        cache.Remember("sub:a", userId);
        time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var foundBefore = cache.TryGetUserId("sub:a", out var before);
        time.Advance(TimeSpan.FromSeconds(2));
        var foundAfter = cache.TryGetUserId("sub:a", out _);

        Assert.True(foundBefore);
        Assert.Equal(userId, before);
        Assert.False(foundAfter);
    }

    [Fact]
    public void NoMoreIdentitiesThanTheCapacityAreKept()
    {
        var cache = new RegisteredSubjects(capacity: 3, lifetime: TimeSpan.FromMinutes(5));

        foreach (var subject in Enumerable.Range(0, 10))
        {
            cache.Remember($"sub:{subject}", Guid.NewGuid());
        }

        Assert.InRange(cache.Count, 1, 3);
    }

    [Fact]
    public void AnIdentityNeverRememberedIsNotFound()
    {
        var cache = new RegisteredSubjects(capacity: 3, lifetime: TimeSpan.FromMinutes(5));
        cache.Remember("sub:a", Guid.NewGuid());

        Assert.False(cache.TryGetUserId("sub:b", out _));
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
