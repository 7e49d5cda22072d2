using System.Globalization;
using System.Text.Json.Nodes;

namespace Kasify.Chaos.Workload;

/// <summary>
/// The guest who checks in: an adult passport holder living abroad (no Spanish province or municipality to look up),
/// with a passport number of their own so that no two registrations report the same person.
/// </summary>
internal static class CheckinGuest
{
    public static JsonObject Body(Random random) => new()
    {
        ["first_name"] = "Chaos",
        ["last_name"] = "Guest",
        ["nationality_country_code"] = "GB",
        ["date_of_birth"] = "1980-03-14",
        ["sex"] = "H",
        ["document_type"] = "PAS",
        ["document_number"] = random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture),
        ["residence_address"] = "12 Deansgate",
        ["residence_country_code"] = "GBR",
        ["residence_city"] = "Manchester",
        ["residence_postal_code"] = "M3 2BW",
        ["email"] = "chaos.guest@example.org",
    };
}
