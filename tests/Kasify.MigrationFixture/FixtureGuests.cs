namespace Kasify.MigrationFixture;

/// <summary>
/// The guests who register through the public check-in (bodies with the wire's field names): two Spanish families,
/// each an adult with a NIF and a child without a document, and two passport holders living abroad.
/// </summary>
internal static class FixtureGuests
{
    /// <summary>Carmen's NIF: a whole document number finds its guest in the guest list.</summary>
    public const string CarmenNif = "87654321X";

    /// <summary>James's passport number.</summary>
    public const string JamesPassport = "533401372";

    public static Dictionary<string, object?> Carmen(Guid provinceId, Guid cityId) =>
        WithNif(InSpain(Person("Carmen", "Navarro", "Ortiz", "ES", "1985-04-12", "M"), "Calle Colón 20, 3º", provinceId, cityId, "46004", "600111222"),
            CarmenNif, "BAA123456", "carmen.navarro@example.com");

    public static Dictionary<string, object?> Pablo(Guid provinceId, Guid cityId) =>
        Child(InSpain(Person("Pablo", "Navarro", "Ortiz", "ESP", "2021-09-03", "H"), "Calle Colón 20, 3º", provinceId, cityId, "46004", "600111222"));

    public static Dictionary<string, object?> Lucia(Guid provinceId, Guid cityId) =>
        WithNif(InSpain(Person("Lucía", "Hernández", "Díaz", "ES", "1990-02-14", "M"), "Calle San Francisco 7", provinceId, cityId, "38300", "922111222"),
            "11111111H", "CAB654321", "lucia.hernandez@example.com");

    public static Dictionary<string, object?> Leo(Guid provinceId, Guid cityId) =>
        Child(InSpain(Person("Leo", "Hernández", "Díaz", "ES", "2024-05-20", "H"), "Calle San Francisco 7", provinceId, cityId, "38300", "922111222"));

    public static Dictionary<string, object?> Markus()
    {
        var guest = WithPassport(Abroad(Person("Markus", "Weber", null, "DEU", "1979-11-30", "H"), "Invalidenstraße 44", "DE", "Berlin", "10115"),
            "C01X00T47", "markus.weber@example.de");
        guest["phone_prefix"] = "+49";
        guest["phone"] = "15112345678";
        return guest;
    }

    public static Dictionary<string, object?> James() =>
        WithPassport(Abroad(Person("James", "Taylor", null, "GB", "1968-07-04", "H"), "12 Deansgate", "GBR", "Manchester", "M3 2BW"),
            JamesPassport, "james.taylor@example.co.uk");

    private static Dictionary<string, object?> Person(string first, string last, string? secondLast, string nationality, string born, string sex)
    {
        var guest = new Dictionary<string, object?>
        {
            ["first_name"] = first,
            ["last_name"] = last,
            ["nationality_country_code"] = nationality,
            ["date_of_birth"] = born,
            ["sex"] = sex,
        };
        if (secondLast is not null)
        {
            guest["second_last_name"] = secondLast;
        }

        return guest;
    }

    private static Dictionary<string, object?> InSpain(
        Dictionary<string, object?> guest, string address, Guid provinceId, Guid cityId, string postalCode, string phone)
    {
        guest["residence_address"] = address;
        guest["residence_country_code"] = "ES";
        guest["residence_province_id"] = provinceId;
        guest["residence_city_id"] = cityId;
        guest["residence_postal_code"] = postalCode;
        guest["phone_prefix"] = "+34";
        guest["phone"] = phone;
        return guest;
    }

    private static Dictionary<string, object?> Abroad(Dictionary<string, object?> guest, string address, string country, string city, string postalCode)
    {
        guest["residence_address"] = address;
        guest["residence_country_code"] = country;
        guest["residence_city"] = city;
        guest["residence_postal_code"] = postalCode;
        return guest;
    }

    private static Dictionary<string, object?> WithNif(Dictionary<string, object?> guest, string number, string supportNumber, string email)
    {
        guest["document_type"] = "NIF";
        guest["document_number"] = number;
        guest["document_support_number"] = supportNumber;
        guest["email"] = email;
        return guest;
    }

    private static Dictionary<string, object?> WithPassport(Dictionary<string, object?> guest, string number, string email)
    {
        guest["document_type"] = "PAS";
        guest["document_number"] = number;
        guest["email"] = email;
        return guest;
    }

    // A minor travelling with a parent: no document, and the relationship the register needs.
    private static Dictionary<string, object?> Child(Dictionary<string, object?> guest)
    {
        guest["relationship_code"] = "HJ";
        return guest;
    }
}
