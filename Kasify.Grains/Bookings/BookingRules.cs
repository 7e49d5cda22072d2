using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.Common;
using Kasify.Grains.Interfaces.Errors;

namespace Kasify.Grains.Bookings;

/// <summary>What makes a booking acceptable, when two bookings collide, and when a stay begins and ends; independent of Orleans.</summary>
internal static partial class BookingRules
{
    private const int CheckinCodeBytes = 18;

    /// <summary>
    /// Bookings one property's calendar holds, of any status. Stays moved to the yearly archives (they left long ago) do
    /// not count: the bound keeps the calendar's own row small, and years of history do not use it up.
    /// </summary>
    public const int MaxBookingsPerProperty = 5_000;

    /// <summary>Of those, bookings that are cancelled: they hold no nights, so only this bound keeps them from piling up.</summary>
    public const int MaxCancelledBookingsPerProperty = 500;

    /// <summary>409 <c>booking.limit</c> when <paramref name="adding"/> would pass one of the property's bounds.</summary>
    public static void EnsureRoom(IReadOnlyCollection<BookingDetails> held, BookingDetails adding)
    {
        if (held.Count >= MaxBookingsPerProperty)
        {
            throw new ConflictException("booking.limit", $"A property keeps at most {MaxBookingsPerProperty} bookings besides the stays that ended long ago.");
        }

        if (!adding.IsActive && held.Count(booking => !booking.IsActive) >= MaxCancelledBookingsPerProperty)
        {
            throw new ConflictException(
                "booking.limit", $"A property keeps at most {MaxCancelledBookingsPerProperty} cancelled bookings; create this one confirmed or not at all.");
        }
    }

    /// <summary>A booking's calendar slot: without the guest's contact data, notes and requests, which only its grain keeps.</summary>
    /// <summary>
    /// Queues every booking not yet departed at <paramref name="now"/> for the property's arrival readiness, for a
    /// calendar whose readiness never heard of its bookings; true when something was queued (the state needs a write).
    /// Only readiness gets them: the locks and tasks grains have followed these bookings all along.
    /// </summary>
    public static bool SeedReadiness(BookingCalendarState state, PropertySchedule schedule, DateTimeOffset now)
    {
        var before = state.PendingReadinessSeed.Count;
        state.PendingReadinessSeed.UnionWith(state.Slots.Where(slot => DepartureAt(slot.Value, schedule) > now).Select(slot => slot.Key));
        return state.PendingReadinessSeed.Count > before;
    }

    public static BookingDetails Compact(BookingDetails details) =>
        details with { GuestEmail = null, GuestPhone = null, Notes = null, SpecialRequests = null };

    /// <summary>Trims the free texts; blank ones become null.</summary>
    public static BookingDetails Normalize(BookingDetails details) => details with
    {
        ChannelId = Clean(details.ChannelId),
        Notes = Clean(details.Notes),
        GuestFirstName = Clean(details.GuestFirstName),
        GuestLastName = Clean(details.GuestLastName),
        GuestEmail = Clean(details.GuestEmail),
        GuestPhone = Clean(details.GuestPhone),
        SpecialRequests = Clean(details.SpecialRequests),
    };

    /// <summary>Throws <see cref="RequestValidationException"/> listing every broken rule by wire field name.</summary>
    public static void EnsureValid(BookingDetails details)
    {
        var errors = new Dictionary<string, string[]>();
        if (!AcceptedDates.Contains(details.From))
        {
            errors["from"] = [AcceptedDates.Message];
        }

        if (!AcceptedDates.Contains(details.To))
        {
            errors["to"] = [AcceptedDates.Message];
        }
        else if (details.To <= details.From)
        {
            errors["to"] = ["Must be after from: a stay is at least one night."];
        }

        Defined(errors, "channel", details.Channel);
        Defined(errors, "status", details.Status);
        if (details.PaymentType is { } paymentType)
        {
            Defined(errors, "payment_type", paymentType);
        }

        Count(errors, "adults_count", details.AdultsCount);
        Count(errors, "children_count", details.ChildrenCount);
        Count(errors, "infants_count", details.InfantsCount);
        if (details.AdultsCount >= 0 && details.ChildrenCount >= 0 && details.InfantsCount >= 0 && details.GuestsNumber < 1)
        {
            errors["guests_number"] = ["adults_count + children_count + infants_count must be at least 1."];
        }

        Length(errors, "channel_id", details.ChannelId, BookingLimits.ChannelIdLength);
        Length(errors, "notes", details.Notes, BookingLimits.TextLength);
        Length(errors, "guest_first_name", details.GuestFirstName, BookingLimits.NameLength);
        Length(errors, "guest_last_name", details.GuestLastName, BookingLimits.NameLength);
        Length(errors, "special_requests", details.SpecialRequests, BookingLimits.TextLength);
        if (details.GuestEmail is { } email && (email.Length > BookingLimits.EmailLength || !EmailPattern().IsMatch(email)))
        {
            errors["guest_email"] = [$"An email address of at most {BookingLimits.EmailLength} characters."];
        }

        if (details.GuestPhone is { } phone && (phone.Length > BookingLimits.PhoneLength || !PhonePattern().IsMatch(phone)))
        {
            errors["guest_phone"] = [$"A phone number (digits, spaces, + ( ) - . /) of at most {BookingLimits.PhoneLength} characters."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException("validation.failed", "The booking has invalid fields.", errors.ToImmutableDictionary());
        }
    }

    /// <summary>Merges a patch into the current details; clearing a required field is a field error.</summary>
    public static BookingDetails Apply(BookingDetails current, BookingPatch patch)
    {
        var errors = new Dictionary<string, string[]>();
        var merged = current with
        {
            From = Required(errors, "from", patch.From, current.From),
            To = Required(errors, "to", patch.To, current.To),
            Channel = Required(errors, "channel", patch.Channel, current.Channel),
            ChannelId = patch.ChannelId.ApplyTo(current.ChannelId),
            Status = Required(errors, "status", patch.Status, current.Status),
            PaymentType = patch.PaymentType.ApplyTo(current.PaymentType),
            Notes = patch.Notes.ApplyTo(current.Notes),
            GuestFirstName = patch.GuestFirstName.ApplyTo(current.GuestFirstName),
            GuestLastName = patch.GuestLastName.ApplyTo(current.GuestLastName),
            GuestEmail = patch.GuestEmail.ApplyTo(current.GuestEmail),
            GuestPhone = patch.GuestPhone.ApplyTo(current.GuestPhone),
            AdultsCount = Required(errors, "adults_count", patch.AdultsCount, current.AdultsCount),
            ChildrenCount = Required(errors, "children_count", patch.ChildrenCount, current.ChildrenCount),
            InfantsCount = Required(errors, "infants_count", patch.InfantsCount, current.InfantsCount),
            SpecialRequests = patch.SpecialRequests.ApplyTo(current.SpecialRequests),
            ArrivalTime = patch.ArrivalTime.ApplyTo(current.ArrivalTime),
            DepartureTime = patch.DepartureTime.ApplyTo(current.DepartureTime),
            CheckinTime = patch.CheckinTime.ApplyTo(current.CheckinTime),
            CheckoutTime = patch.CheckoutTime.ApplyTo(current.CheckoutTime),
        };

        if (errors.Count > 0)
        {
            throw new RequestValidationException("validation.failed", "The patch clears required fields.", errors.ToImmutableDictionary());
        }

        return merged;
    }

    /// <summary>
    /// Two stays collide when both hold their dates and their nights intersect. Nights are half-open [from, to), so
    /// one guest leaving on the day the next arrives is no collision.
    /// </summary>
    public static bool Overlaps(BookingDetails first, BookingDetails second) =>
        first.IsActive && second.IsActive && first.From < second.To && second.From < first.To;

    /// <summary>The id of a booking the candidate collides with (not counting <paramref name="self"/>), or null.</summary>
    public static Guid? FindOverlap(IReadOnlyDictionary<Guid, BookingDetails> bookings, BookingDetails candidate, Guid? self = null)
    {
        if (!candidate.IsActive)
        {
            return null;
        }

        foreach (var (id, booking) in bookings)
        {
            if (id != self && Overlaps(candidate, booking))
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>The conflict a collision is reported as: <c>booking.overlap</c>, naming the booking in the way.</summary>
    public static ConflictException OverlapConflict(Guid conflictingBookingId) => new(
        "booking.overlap",
        $"The dates overlap booking {conflictingBookingId}.",
        ImmutableDictionary<string, string>.Empty.Add("conflicting_booking_id", conflictingBookingId.ToString()));

    /// <summary>Arrival: the first night at arrival_time, else the booking's checkin_time, else the property's.</summary>
    public static DateTimeOffset ArrivalAt(BookingDetails details, PropertySchedule schedule) =>
        ToInstant(details.From, details.ArrivalTime ?? details.CheckinTime ?? schedule.CheckinTime, Zone(schedule));

    /// <summary>Departure: the last day at departure_time, else the booking's checkout_time, else the property's.</summary>
    public static DateTimeOffset DepartureAt(BookingDetails details, PropertySchedule schedule) =>
        ToInstant(details.To, details.DepartureTime ?? details.CheckoutTime ?? schedule.CheckoutTime, Zone(schedule));

    /// <summary>
    /// The instant a local date and time denote in a zone, with the zone's offset at that instant. Across a DST change:
    /// a time in the spring-forward gap does not exist on the clock and moves forward by the gap (02:30 becomes 03:30 in
    /// Madrid); a time in the fall-back overlap happens twice and means the first occurrence, still on daylight time.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Read with the offset in force before the jump: the instant lands as far past the jump as the reading was.
            var before = zone.GetUtcOffset(local.AddDays(-1));
            return TimeZoneInfo.ConvertTime(new DateTimeOffset(local, before), zone);
        }

        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the earlier instant: the first time the clock shows this reading.
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>Whether the stay is in progress at <paramref name="now"/>: arrival &lt;= now &lt; departure.</summary>
    public static bool IsInProgress(BookingDetails details, PropertySchedule schedule, DateTimeOffset now)
    {
        // A zone's offset is under a day, so a stay whose dates are more than a day from now's UTC date cannot contain
        // now: the cheap date test spares the time-zone arithmetic for all but a few bookings.
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        return details.IsStay
            && details.From <= day.AddDays(1)
            && details.To >= day.AddDays(-1)
            && ArrivalAt(details, schedule) <= now
            && now < DepartureAt(details, schedule);
    }

    /// <summary>
    /// The booking in progress at <paramref name="now"/>, or null. When a late departure and an early arrival meet, the
    /// guest who arrived first is still the current one.
    /// </summary>
    public static Guid? FindCurrent(IReadOnlyDictionary<Guid, BookingDetails> bookings, PropertySchedule schedule, DateTimeOffset now) =>
        bookings
            .Where(entry => IsInProgress(entry.Value, schedule, now))
            .OrderBy(entry => ArrivalAt(entry.Value, schedule))
            .ThenBy(entry => entry.Key)
            .Select(entry => (Guid?)entry.Key)
            .FirstOrDefault();

    /// <summary>A new public check-in code: 144 random bits in URL-safe Base64 (24 characters, no padding).</summary>
    public static string NewCheckinCode() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(CheckinCodeBytes)).Replace('+', '-').Replace('/', '_');

    private static TimeZoneInfo Zone(PropertySchedule schedule) => TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static T Required<T>(Dictionary<string, string[]> errors, string field, Patch<T?> patch, T current)
        where T : struct
    {
        if (!patch.IsSet)
        {
            return current;
        }

        if (patch.Value is { } value)
        {
            return value;
        }

        errors[field] = ["Required; cannot be cleared."];
        return current;
    }

    private static void Defined<TEnum>(Dictionary<string, string[]> errors, string field, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors[field] = ["Not a known value."];
        }
    }

    private static void Count(Dictionary<string, string[]> errors, string field, int value)
    {
        if (value is < 0 or > BookingLimits.MaxGuestsPerCount)
        {
            errors[field] = [$"Between 0 and {BookingLimits.MaxGuestsPerCount}."];
        }
    }

    private static void Length(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (value is { Length: var length } && length > maxLength)
        {
            errors[field] = [$"At most {maxLength} characters."];
        }
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 ()./-]*$")]
    private static partial Regex PhonePattern();
}
