using Microsoft.Extensions.Internal;

namespace Kasify.Api.Identity;

/// <summary>A <see cref="TimeProvider"/> as the clock <see cref="Microsoft.Extensions.Caching.Memory.MemoryCache"/> expires entries by.</summary>
internal sealed class TimeProviderClock(TimeProvider time) : ISystemClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
