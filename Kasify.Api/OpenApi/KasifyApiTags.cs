namespace Kasify.Api.OpenApi;

/// <summary>
/// What each operation tag covers, for the document's tag list. A tag used by an endpoint but missing here shows up
/// without a description, which the OpenAPI lint test reports.
/// </summary>
internal static class KasifyApiTags
{
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        ["AccessCodes"] = "Digital access codes issued on a booking's smart locks, valid for the stay.",
        ["Account"] = "The caller's account and profile.",
        ["ApiTokens"] = "Personal access tokens (kas_pat_…) for scripts and integrations; the raw token is shown once.",
        ["Auth"] = "Registration of the authenticated identity as a Kasify user.",
        ["Bookings"] = "Stays at a property: creation, listing and updates.",
        ["Calendar"] = "Bookings and tasks of one property, or of every accessible property, within a date window.",
        ["Channels"] = "Channel calendars (iCal imports from Airbnb, Booking.com and others) that bring a property's bookings and closures in by themselves.",
        ["Checkin"] = "The public guest check-in: a booking's snapshot and guest registration. No token: the check-in code is the credential.",
        ["Geo"] = "Countries, Spanish provinces and cities for addresses. Public, limited per client IP.",
        ["Guests"] = "Guests registered at check-in on the caller's properties.",
        ["Integrations"] = "The account's connections to Nuki, UniFi Access and SES.HOSPEDAJES.",
        ["Properties"] = "Holiday rental properties and their cover images.",
        ["PropertyMembers"] = "A property's crew, and the invitations that add members to it.",
        ["SmartLocks"] = "Smart locks assigned to a property, with their live status.",
        ["Tasks"] = "Cleaning, maintenance, pool and gardening tasks, and their public links.",
        ["Timeline"] = "Upcoming arrivals and departures, and the activity feed of the caller's properties.",
        ["Users"] = "Every Kasify user (admin only).",
    };
}
