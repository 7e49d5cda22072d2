using System.Collections.Immutable;
using Kasify.Api.Common;
using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Api.Rentals;

/// <summary>Reads a JSON merge patch (RFC 7396) of a property: absent fields stay, null clears, others replace.</summary>
internal static class PropertyPatchParser
{
    // Fields a client may know from create/PUT but may not patch: geo data and the iCal integrations are replaced with PUT.
    private static readonly ImmutableHashSet<string> PutOnlyFields =
        ["city", "country_code", "province_id", "city_id", "airbnb_ical_url", "booking_ical_url", "time_zone"];

    public static PropertyPatch Parse(MergePatchDocument document)
    {
        document.Reject(PutOnlyFields, "Not accepted in a patch; use PUT.");
        var patch = new PropertyPatch(
            document.Read<string>("name"),
            document.Read<string>("address"),
            document.Read<string>("zip_code"),
            document.Read<Guid?>("default_cleaner_id"),
            document.Read<string>("ses_establishment_code"),
            document.Read<string>("ses_establishment_type"),
            document.Read<bool?>("has_internet"),
            document.Read<int?>("rooms_count"),
            document.Read<TimeOnly?>("checkin_time"),
            document.Read<TimeOnly?>("checkout_time"),
            document.Read<bool?>("auto_access_codes"));
        document.EnsureValid();
        return patch;
    }
}
