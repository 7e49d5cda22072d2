using Orleans.Concurrency;
namespace Kasify.Grains.Interfaces.SesReporting;

/// <summary>
/// The SES.HOSPEDAJES communications of one booking (key: booking id): the booking report (RH) when the booking is
/// created, the guest register (PV) when its check-in completes, and the cancellation (B) of accepted communications
/// when the booking is cancelled. The grain works level-triggered: on every wake-up and reminder tick it compares what the
/// booking and its property say now with what it has sent, so a lost wake-up only delays the work until the next tick.
/// It pushes its tracking to the booking grain, which serves it with the booking.
/// </summary>
[Alias("Kasify.Grains.Interfaces.SesReporting.IBookingSesGrain")]
public interface IBookingSesGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Asks the grain to look at the booking now. Registers the durable reminder first, so once this returns the work is
    /// never lost; never waits for a send in progress (it interleaves and only schedules).
    /// </summary>
    [AlwaysInterleave]
    [Alias("WakeAsync")]
    Task WakeAsync();
}
