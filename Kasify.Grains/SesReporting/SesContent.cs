using Kasify.Grains.CheckIn;
using Kasify.Grains.Integrations.Ses;
using Kasify.Grains.Interfaces.SesReporting;

namespace Kasify.Grains.SesReporting;

/// <summary>What a booking reports right now: its communications' content and their fingerprints.</summary>
/// <param name="BookingId">The booking.</param>
/// <param name="Source">The booking as stored.</param>
/// <param name="Facts">Its property's account and establishment data.</param>
/// <param name="Guests">The registered guests, decrypted.</param>
internal sealed record SesContent(Guid BookingId, BookingSesSource Source, PropertySesFacts Facts, IReadOnlyList<ValidatedGuest> Guests)
{
    /// <summary>Whether the booking still holds its dates.</summary>
    public bool IsActive => Source.Details.IsActive;

    /// <summary>Whether every expected guest has registered.</summary>
    public bool CheckinCompleted => Source.CheckinCompletedAt is not null && Guests.Count >= Source.Details.GuestsNumber && Guests.Count > 0;

    public SesBookingReport BookingReport() => SesCommunicationBuilder.BookingReport(BookingId, Source, Facts);

    public SesGuestRegister GuestRegister() => SesCommunicationBuilder.GuestRegister(BookingId, Source, Facts, Guests);

    /// <summary>
    /// The fingerprint of <paramref name="kind"/>'s content now. The property's rooms and internet access are left out:
    /// they describe the establishment, and editing them must not cancel and resend what the Ministry already holds. A
    /// guest register also counts the check-in's completion, so completing it again (after a correction) sends anew.
    /// </summary>
    public string Fingerprint(SesCommunicationKind kind)
    {
        var stable = this with { Facts = Facts with { HasInternet = null, RoomsCount = null } };
        return kind == SesCommunicationKind.BookingReport
            ? SesCommunicationBuilder.Fingerprint(stable.BookingReport())
            : SesCommunicationBuilder.Fingerprint(new { Register = stable.GuestRegister(), Source.CheckinCompletedAt });
    }
}
