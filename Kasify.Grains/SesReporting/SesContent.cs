using Kasify.Grains.CheckIn;
using Kasify.Grains.Integrations.Ses;
using Kasify.Grains.Interfaces.SesReporting;

namespace Kasify.Grains.SesReporting;

/// <summary>What a booking reports right now: its communications' content, what they lack, and their fingerprints.</summary>
/// <param name="BookingId">The booking.</param>
/// <param name="Source">The booking as stored.</param>
/// <param name="Facts">Its property's account and establishment data.</param>
/// <param name="Guests">The registered guests, decrypted.</param>
internal sealed record SesContent(Guid BookingId, BookingSesSource Source, PropertySesFacts Facts, IReadOnlyList<ValidatedGuest> Guests)
{
    /// <summary>Whether the booking still holds its dates.</summary>
    public bool IsActive => Source.Details.IsStay; // blocks are never reported

    /// <summary>Whether every expected guest has registered.</summary>
    public bool CheckinCompleted => Source.CheckinCompletedAt is not null && Guests.Count >= Source.Details.GuestsNumber && Guests.Count > 0;

    public SesBookingReport BookingReport() => SesCommunicationBuilder.BookingReport(BookingId, Source, Facts);

    /// <summary>
    /// What <paramref name="kind"/> lacks before it can be sent, by the rules the pre-send check enforces: the property's
    /// establishment code; for a booking report the holder's names and a phone or an email (rule 6); for a guest
    /// register what the check-in still misses (<see cref="CheckinRules.Missing"/>). A cancellation lacks nothing.
    /// </summary>
    public SesMissingData Missing(SesCommunicationKind kind)
    {
        var fields = new List<string>();
        var guests = new Dictionary<Guid, List<string>>();
        if (kind == SesCommunicationKind.Cancellation)
        {
            return new(fields, guests);
        }

        Lacks(fields, string.IsNullOrWhiteSpace(Facts.EstablishmentCode), "ses_establishment_code");
        var details = Source.Details;
        if (kind == SesCommunicationKind.BookingReport)
        {
            Lacks(fields, string.IsNullOrWhiteSpace(details.GuestFirstName), "guest_first_name");
            Lacks(fields, string.IsNullOrWhiteSpace(details.GuestLastName), "guest_last_name");
            Lacks(fields, !TravellerRules.HasContact(details.GuestEmail, details.GuestPhone), "guest_email", "guest_phone");
            return new(fields, guests);
        }

        foreach (var requirement in CheckinRules.Missing(details, [.. Source.Guests.Zip(Guests, (stored, guest) => (stored.Id, guest))]))
        {
            if (!guests.TryGetValue(requirement.GuestId, out var own))
            {
                guests[requirement.GuestId] = own = [];
            }

            Lacks(own, true, requirement.Field);
            Lacks(fields, true, requirement.Field);
        }

        return new(fields, guests);
    }

    private static void Lacks(List<string> fields, bool lacking, params string[] names) =>
        fields.AddRange(lacking ? names.Except(fields) : []);

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
