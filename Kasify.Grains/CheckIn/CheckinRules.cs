using System.Collections.Immutable;
using System.Globalization;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.CheckIn;
using Kasify.Grains.Interfaces.Errors;
using Kasify.Grains.Interfaces.SesReporting;

namespace Kasify.Grains.CheckIn;

/// <summary>When a booking's online check-in is open, full or complete, and what it still misses; independent of Orleans.</summary>
internal static class CheckinRules
{
    private const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;

    /// <summary>The associated data a guest's encrypted record is bound to, so it cannot be moved to another guest or booking.</summary>
    public static string ProtectionContext(Guid bookingId, Guid guestId) => $"guest:{bookingId}:{guestId}";

    /// <summary>Today's date in the property's time zone.</summary>
    public static DateOnly Today(PropertySchedule schedule, DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone)).DateTime);

    /// <summary>
    /// Registration is closed once the departure date is over in the property's zone (guests may still register on the
    /// day they leave), and on a cancelled booking.
    /// </summary>
    public static bool IsClosed(BookingDetails details, PropertySchedule schedule, DateTimeOffset now) =>
        !details.IsStay || Today(schedule, now) > details.To;

    /// <summary>Every expected guest has registered and nothing the guest register needs is <see cref="Missing"/>.</summary>
    public static bool IsComplete(BookingDetails details, IReadOnlyList<(Guid Id, ValidatedGuest Guest)> guests) =>
        guests.Count >= details.GuestsNumber && Missing(details, guests).IsEmpty;

    /// <summary>
    /// What the registered guests still have to give before the guest register can be sent, by the rules of
    /// <see cref="TravellerRules"/>; looked at once every expected guest has registered (before that, a guest still to
    /// come may bring it). In practice an adult's relationship to the minors when none follows from the minors' codes;
    /// the other rules are checked at registration already and catch only guests stored before those rules existed.
    /// </summary>
    public static ImmutableArray<CheckinRequirement> Missing(BookingDetails details, IReadOnlyList<(Guid Id, ValidatedGuest Guest)> guests)
    {
        if (guests.Count < details.GuestsNumber)
        {
            return [];
        }

        var party = guests.Select(entry => Traveller.Of(entry.Guest, details.From)).ToList();
        var missing = ImmutableArray.CreateBuilder<CheckinRequirement>();
        for (var i = 0; i < guests.Count; i++)
        {
            var (id, guest) = guests[i];
            missing.AddRange(Gaps(guest, party[i].IsMinor).Select(gap => new CheckinRequirement(id, gap.Field, gap.Code, gap.Message)));
        }

        if (TravellerRules.OwesRelationship(TravellerRules.WithDerivedRelationships(party)))
        {
            // Any one adult's answer is enough: each of them is asked.
            missing.AddRange(guests.Where((_, i) => !party[i].IsMinor).Select(entry => new CheckinRequirement(
                entry.Id, "relationship_code", GuestRuleCodes.AdultRelationshipRequired, GuestRules.AdultRelationshipText)));
        }

        return missing.ToImmutable();
    }

    private static IEnumerable<(string Field, string Code, string Message)> Gaps(ValidatedGuest guest, bool isMinor)
    {
        if (TravellerRules.NeedsDocument(isMinor) && guest.DocumentType is null)
        {
            yield return ("document_type", GuestRuleCodes.DocumentRequired, GuestRules.DocumentTypeText);
        }

        if (TravellerRules.NeedsDocument(isMinor) && guest.DocumentNumber is null)
        {
            yield return ("document_number", GuestRuleCodes.DocumentRequired, GuestRules.DocumentNumberText);
        }

        if (TravellerRules.NeedsSupportNumber(guest.DocumentType) && guest.DocumentSupportNumber is null)
        {
            yield return ("document_support_number", GuestRuleCodes.DocumentSupportRequired, GuestRules.SupportNumberText);
        }

        if (TravellerRules.NeedsSecondLastName(guest.DocumentType) && guest.SecondLastName is null)
        {
            yield return ("second_last_name", GuestRuleCodes.SecondLastNameRequired, GuestRules.SecondLastNameText);
        }

        if (!TravellerRules.HasContact(guest.Phone, guest.Email))
        {
            yield return ("phone", GuestRuleCodes.ContactRequired, GuestRules.ContactText);
            yield return ("email", GuestRuleCodes.ContactRequired, GuestRules.ContactText);
        }
    }

    /// <summary>
    /// Whether a guest register the Ministry holds or is processing carries the guest: it cannot change underneath it, as
    /// there is no modify operation. An incomplete or refused register never reached it, so its guests can be corrected.
    /// </summary>
    public static bool IsReported(SesTracking? ses, Guid guestId) =>
        ses?.Communications.Any(communication =>
            communication.Kind == SesCommunicationKind.GuestRegister
            && communication.Status is SesStatus.Submitted or SesStatus.Accepted
            && communication.Guests.Any(result => result.GuestId == guestId)) ?? false;

    /// <summary>409 <c>checkin.closed</c>.</summary>
    public static ConflictException Closed() =>
        new("checkin.closed", "Online check-in for this booking is closed: the stay is over or the booking was cancelled.");

    /// <summary>409 <c>checkin.full</c>.</summary>
    public static ConflictException Full(int guestsNumber) =>
        new("checkin.full", $"All {guestsNumber} guests of this booking have already registered.");

    /// <summary>
    /// Whether every word of <paramref name="text"/> is found, case- and accent-insensitively, in one of the
    /// <paramref name="names"/>, or is the whole <paramref name="documentNumber"/>. Document numbers never match a part:
    /// the list shows them masked, and a search by prefix would unmask them a character at a time.
    /// </summary>
    public static bool Matches(string? text, string? documentNumber, params string?[] names) =>
        string.IsNullOrWhiteSpace(text)
        || text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(word => string.Equals(word, documentNumber, StringComparison.OrdinalIgnoreCase)
                || names.Any(name => name is not null && CultureInfo.InvariantCulture.CompareInfo.IndexOf(name, word, Loose) >= 0));

    /// <summary>
    /// The id of the booking's one <c>checkin_completed</c> activity entry: derived from the booking id, so a retried
    /// append keeps one entry.
    /// </summary>
    public static Guid CompletionActivityId(Guid bookingId)
    {
        var bytes = bookingId.ToByteArray();
        bytes[0] ^= 0xC1;
        bytes[15] ^= 0x0C;
        return new Guid(bytes);
    }
}
