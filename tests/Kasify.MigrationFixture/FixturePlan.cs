using Kasify.Testing.Migration;

namespace Kasify.MigrationFixture;

/// <summary>
/// The fixture's data: fixed names and dates, so that every run writes the same dataset (only ids, codes, PINs and
/// times differ). Stays lie in 2001-2003 and 2030-2032, far from any day the tests run on, except one stay around the
/// day of the run (<c>current</c>), which the tests see as current because they resume the silo's clock from the run.
/// </summary>
internal static class FixturePlan
{
    public const string CasaDelMar = "casa_del_mar";
    public const string AticoCentro = "atico_centro";
    public const string CasaTeide = "casa_teide";

    public const string CoverImageContentType = "image/png";

    // A small PNG (8x4 grey ramp): the cover image of Casa del Mar.
    public static readonly byte[] CoverImage = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAECAAAAACWpiEsAAAAFElEQVR42mOQN3aPzm+evpoBNwMA1kQMobJO7zMAAAAASUVORK5CYII=");

    public static IReadOnlyList<FixtureUser> Users { get; } =
    [
        User("ana", "Ana", "García"),
        User("bruno", "Bruno", "Martín"),
        User("carla", "Carla", "López"),
        User("diego", "Diego", "Ruiz"),
        // Invited to Casa del Mar but not registered: the tests register her and accept her open invitation.
        User("erika", "Erika", "Schmidt"),
    ];

    public static FixtureNukiAccount Nuki { get; } = new()
    {
        Token = "fixture-nuki-token-casa-del-mar",
        Smartlocks =
        [
            new FixtureNukiLock { SmartlockId = 18100000001, Name = "Puerta principal", BatteryCharge = 90 },
            new FixtureNukiLock { SmartlockId = 18100000002, Name = "Puerta jardín", BatteryCharge = 64 },
            new FixtureNukiLock { SmartlockId = 18100000003, Name = "Trastero", BatteryCharge = 55 },
        ],
    };

    /// <summary>Casa del Mar's stays before its default cleaner is set: their cleaning tasks go to the owner.</summary>
    public static IReadOnlyList<PlannedBooking> PastBookings { get; } =
    [
        new("b01", CasaDelMar, D(2001, 6, 30), D(2001, 7, 7), "airbnb")
        {
            ChannelId = "HMX2001A", Guest = "Laura Pérez", Email = "laura.perez@example.com", Phone = "+34 611 000 001",
            Children = 1, Payment = "PLATF", Notes = "Cuna solicitada", Traits = ["past"],
        },
        new("b02", CasaDelMar, D(2001, 8, 10), D(2001, 8, 17), "booking")
        {
            ChannelId = "BK-4001", Guest = "John Smith", Email = "john.smith@example.co.uk", Phone = "+44 20 7946 0001", Traits = ["past"],
        },
        new("b03", CasaDelMar, D(2001, 12, 20), D(2001, 12, 27), "manual")
        {
            Guest = "Marta Gil", Phone = "600 123 456", Adults = 4, Payment = "TRANS", Notes = "Familia, Navidad", Traits = ["past"],
        },
        new("b04", CasaDelMar, D(2002, 4, 1), D(2002, 4, 5), "vrbo")
        {
            ChannelId = "VR-77123", Guest = "Pierre Martin", Email = "pierre.martin@example.fr", Adults = 4, Traits = ["past"],
        },
        new("b05", CasaDelMar, D(2002, 6, 15), D(2002, 6, 22), "airbnb")
        {
            ChannelId = "HMX2002B", Guest = "Sofia Rossi", Email = "sofia.rossi@example.it", SpecialRequests = "Llegada tarde",
            ArrivalTime = "22:30", Traits = ["past"],
        },
        new("b06", CasaDelMar, D(2002, 8, 1), D(2002, 8, 15), "other")
        {
            ChannelId = "Agencia Sol 88", Guest = "Hans Müller", Phone = "+49 30 1234567", Adults = 3, Traits = ["past"],
        },
        new("b07", CasaDelMar, D(2003, 3, 10), D(2003, 3, 14), "manual") { Guest = "Elena Ruiz", Adults = 1, Traits = ["past"] },
        new("b08", CasaDelMar, D(2003, 9, 1), D(2003, 9, 7), "booking")
        {
            ChannelId = "BK-5120", Guest = "Tom Baker", Email = "tom.baker@example.com", Traits = ["past", "cancelled_later"],
        },
        new("c01", AticoCentro, D(2002, 5, 1), D(2002, 5, 4), "manual") { Guest = "Luis Gómez", Phone = "+34 699 000 111", Traits = ["past"] },
    ];

    /// <summary>The stays created once Casa del Mar's default cleaner is set; <paramref name="today"/> places the current one.</summary>
    public static IReadOnlyList<PlannedBooking> LaterBookings(DateOnly today) =>
    [
        new("b09", CasaDelMar, today.AddDays(-2), today.AddDays(3), "manual")
        {
            Guest = "Raúl Torres", Phone = "+34 622 333 444", Notes = "Estancia en curso", Traits = ["current"],
        },
        new("b10", CasaDelMar, D(2030, 1, 15), D(2030, 1, 20), "airbnb")
        {
            ChannelId = "HMX3001", Guest = "Lucía Fernández", Email = "lucia.fernandez@example.com", Phone = "+34 633 111 222", Traits = ["future"],
        },
        new("b11", CasaDelMar, D(2030, 2, 10), D(2030, 2, 14), "booking")
        {
            ChannelId = "BK-9001", Guest = "Oliver Brown", Email = "oliver.brown@example.co.uk", Payment = "TARJT", Traits = ["future"],
        },
        new("b12", CasaDelMar, D(2030, 3, 1), D(2030, 3, 8), "vrbo")
        {
            ChannelId = "VR-88001", Guest = "Anna Kowalska", Email = "anna.kowalska@example.pl", Adults = 3, Children = 2, Infants = 1,
            SpecialRequests = "Cuna y trona", Traits = ["future"],
        },
        new("b13", CasaDelMar, D(2030, 4, 5), D(2030, 4, 10), "manual")
        {
            Guest = "Javier Moreno", Phone = "+34 644 555 666", Payment = "EFECT", Notes = "Cliente habitual", Traits = ["future"],
        },
        new("b14", CasaDelMar, D(2030, 5, 5), D(2030, 5, 10), "airbnb")
        {
            ChannelId = "HMX3014", Guest = "Emma Wilson", Email = "emma.wilson@example.com", Traits = ["future", "turnover"],
        },
        new("b15", CasaDelMar, D(2030, 5, 10), D(2030, 5, 15), "booking")
        {
            ChannelId = "BK-9015", Guest = "Noah Davis", Email = "noah.davis@example.com", Traits = ["future", "turnover"],
        },
        new("b16", CasaDelMar, D(2030, 6, 1), D(2030, 6, 8), "manual")
        {
            Guest = "Carmen Navarro", Email = "carmen.navarro@example.com", Adults = 1, Children = 1, Traits = ["future", "family_checkin"],
        },
        new("b17", CasaDelMar, D(2030, 7, 1), D(2030, 7, 10), "airbnb")
        {
            ChannelId = "HMX3017", Guest = "Markus Weber", Email = "markus.weber@example.de", Traits = ["future", "passport_checkin", "partial_checkin"],
        },
        new("b18", CasaDelMar, D(2030, 8, 1), D(2030, 8, 6), "booking")
        {
            ChannelId = "BK-9018", Guest = "Isabel Ramos", Email = "isabel.ramos@example.com", Traits = ["future", "access_codes"],
        },
        new("b19", CasaDelMar, D(2030, 9, 1), D(2030, 9, 5), "manual")
        {
            Guest = "David Ortega", Phone = "+34 655 777 888", Traits = ["future", "access_codes", "access_code_revoked"],
        },
        new("b20", CasaDelMar, D(2030, 10, 10), D(2030, 10, 12), "vrbo")
        {
            ChannelId = "VR-88020", Guest = "Nora Jensen", Email = "nora.jensen@example.dk", Traits = ["future", "cancelled_on_create"],
        },
        new("b21", CasaDelMar, D(2030, 11, 1), D(2030, 11, 4), "manual")
        {
            Guest = "Pedro Alonso", Phone = "+34 666 000 999", CreatedOn = (D(2030, 11, 20), D(2030, 11, 24)), Traits = ["future", "moved"],
        },
        new("b22", CasaDelMar, D(2030, 12, 20), D(2030, 12, 27), "airbnb")
        {
            ChannelId = "HMX3022", Guest = "Sara Lindqvist", Email = "sara.lindqvist@example.se", Traits = ["future", "cancelled_later"],
        },
        new("b23", CasaDelMar, D(2031, 1, 10), D(2031, 1, 17), "other")
        {
            ChannelId = "Agencia Norte 12", Guest = "Grupo Norte", Adults = 6, Notes = "Grupo de empresa", Traits = ["future"],
        },
        new("b24", CasaDelMar, D(2031, 3, 15), D(2031, 3, 22), "airbnb")
        {
            ChannelId = "HMX3124", Guest = "Chloé Dubois", Email = "chloe.dubois@example.fr", Traits = ["future"],
        },
        new("b25", CasaDelMar, D(2031, 7, 1), D(2031, 7, 15), "booking")
        {
            ChannelId = "BK-9125", Guest = "Liam Murphy", Email = "liam.murphy@example.ie", Adults = 2, Children = 2, Traits = ["future"],
        },
        new("b26", CasaDelMar, D(2031, 12, 23), D(2032, 1, 2), "manual")
        {
            Guest = "Teresa Vidal", Phone = "+34 677 888 999", Notes = "Fin de año", Traits = ["future"],
        },
        new("b27", CasaDelMar, D(2032, 4, 1), D(2032, 4, 6), "vrbo")
        {
            ChannelId = "VR-88127", Guest = "Mia Schneider", Email = "mia.schneider@example.de", Traits = ["future"],
        },
        new("b28", CasaDelMar, D(2032, 8, 10), D(2032, 8, 20), "airbnb")
        {
            ChannelId = "HMX3228", Guest = "Lucas Silva", Email = "lucas.silva@example.pt", Traits = ["future"],
        },
        new("c02", AticoCentro, D(2030, 2, 20), D(2030, 2, 23), "airbnb")
        {
            ChannelId = "HMX4002", Guest = "Irene Blanco", Email = "irene.blanco@example.com", Traits = ["future"],
        },
        new("c03", AticoCentro, D(2031, 5, 1), D(2031, 5, 5), "booking")
        {
            ChannelId = "BK-9203", Guest = "Ethan Clark", Email = "ethan.clark@example.com", Traits = ["future", "cancelled_later"],
        },
        new("c04", AticoCentro, D(2032, 10, 1), D(2032, 10, 3), "other") { Guest = "Ruth Campos", Adults = 1, Traits = ["future"] },
        new("d01", CasaTeide, D(2030, 7, 15), D(2030, 7, 22), "airbnb")
        {
            ChannelId = "HMX5001", Guest = "Lucía Hernández", Email = "lucia.hernandez@example.com", Phone = "+34 922 111 222",
            Adults = 1, Children = 1, Payment = "PLATF", Traits = ["future", "family_checkin", "ses_reported"],
        },
        new("d02", CasaTeide, D(2031, 2, 1), D(2031, 2, 8), "booking")
        {
            ChannelId = "BK-9301", Guest = "James Taylor", Email = "james.taylor@example.co.uk", Adults = 1, Payment = "TARJT",
            Traits = ["future", "passport_checkin", "ses_reported"],
        },
        new("d03", CasaTeide, D(2032, 3, 1), D(2032, 3, 5), "manual")
        {
            Guest = "Belén Suárez", Phone = "+34 628 000 321", Payment = "EFECT", Traits = ["future", "ses_reported"],
        },
    ];

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static FixtureUser User(string key, string firstName, string lastName) => new()
    {
        Key = key,
        Subject = "fixture|" + key,
        Email = $"{key}.{Ascii(lastName)}@example.org",
        FirstName = firstName,
        LastName = lastName,
    };

    private static string Ascii(string name) =>
        name.ToLowerInvariant().Replace('í', 'i').Replace('á', 'a').Replace('ó', 'o');
}
