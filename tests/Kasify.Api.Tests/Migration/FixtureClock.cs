namespace Kasify.Api.Tests.Migration;

/// <summary>
/// The silo's wall clock resumed from the moment the fixture's hosts stopped and running at real speed: to the data,
/// the current code starts right after the old code stopped, as in an upgrade, however long ago the fixture was made.
/// Invitations that were open, the stay that was current and statuses that were fresh stay so.
/// </summary>
internal sealed class FixtureClock(DateTimeOffset resumeAt) : TimeProvider
{
    private readonly long _started = System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => resumeAt + System.GetElapsedTime(_started);
}
