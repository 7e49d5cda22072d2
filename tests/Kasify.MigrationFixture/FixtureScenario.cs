using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Kasify.Testing.Migration;

namespace Kasify.MigrationFixture;

/// <summary>
/// Fills a running Kasify through its public HTTP API only (so it also runs against later code): users and accounts,
/// three properties, crew through invitations, bookings of every kind, check-ins, tasks in every status, Nuki locks
/// with access codes, an SES.HOSPEDAJES integration whose reports the fake accepts, and a personal access token. Then
/// it waits until vendor work has settled and reads back what the manifest lists.
/// </summary>
internal sealed class FixtureScenario : IDisposable
{
    private static readonly TimeSpan SettleWait = TimeSpan.FromSeconds(60);
    private static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");

    private readonly Uri _apiUrl;
    private readonly Dictionary<string, ApiCaller> _callers = [];
    private readonly Dictionary<string, Guid> _userIds = [];
    private readonly Dictionary<string, Guid> _propertyIds = [];
    private readonly Dictionary<string, (PlannedBooking Plan, Guid Id)> _bookings = [];
    private readonly List<FixtureBooking> _finalBookings = [];
    private readonly List<FixtureInvitation> _invitations = [];
    private readonly List<FixtureAccessCode> _accessCodes = [];
    private readonly List<FixtureTask> _tasks = [];
    private readonly Dictionary<string, Guid> _geo = [];
    private FixturePersonalAccessToken? _pat;
    private DateTimeOffset _expiringInvitationEnds;

    public FixtureScenario(Uri apiUrl, FixtureJwt jwt)
    {
        _apiUrl = apiUrl;
        foreach (var user in FixturePlan.Users)
        {
            _callers[user.Key] = new ApiCaller(NewHttp(), user.Key, jwt.Create(user));
        }

        _callers[RecordedRequest.Public] = new ApiCaller(NewHttp(), RecordedRequest.Public, bearer: null);
    }

    private ApiCaller Ana => _callers["ana"];

    private ApiCaller Bruno => _callers["bruno"];

    private ApiCaller Carla => _callers["carla"];

    private ApiCaller Diego => _callers["diego"];

    private ApiCaller Public => _callers[RecordedRequest.Public];

    /// <summary>A caller by manifest key (a user, <see cref="RecordedRequest.Public"/> or, after the run, <see cref="RecordedRequest.PersonalAccessToken"/>).</summary>
    public ApiCaller Caller(string key) => _callers[key];

    /// <summary>Builds the dataset and waits until locks and reports have settled.</summary>
    public async Task RunAsync()
    {
        await RegisterUsersAsync();
        var nukiId = await ConnectIntegrationsAsync();
        await LookUpPlacesAsync();
        await CreatePropertiesAsync(nukiId);
        foreach (var booking in FixturePlan.PastBookings)
        {
            await CreateBookingAsync(booking);
        }

        await BuildCrewAsync();
        await Ana.PatchAsync($"/v1/properties/{_propertyIds[FixturePlan.CasaDelMar]}", new { default_cleaner_id = _userIds["carla"] });
        foreach (var booking in FixturePlan.LaterBookings(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Madrid).DateTime)))
        {
            await CreateBookingAsync(booking);
        }

        await MoveAndCancelBookingsAsync();
        await RunTasksAsync();
        await PlaceAccessCodesAsync();
        await CheckInGuestsAsync();
        var token = await Ana.PostAsync("/v1/account/tokens", new { name = "Sincronización de canales" });
        _pat = new FixturePersonalAccessToken { UserKey = "ana", Id = Id(token), Token = Text(token, "token") };
        _callers[RecordedRequest.PersonalAccessToken] = new ApiCaller(NewHttp(), RecordedRequest.PersonalAccessToken, _pat.Token);
        await Caller(RecordedRequest.PersonalAccessToken).GetAsync("/v1/properties");
        await SettleAsync();
        await CollectAsync();
    }

    /// <summary>The manifest's entities (the requests are added by the recorder).</summary>
    public FixtureManifest Manifest(string provider, DateTimeOffset generatedAt, string? commit, IReadOnlyList<RecordedRequest> requests) => new()
    {
        Provider = provider,
        GeneratedAt = generatedAt,
        GeneratedFromCommit = commit,
        JwtIssuer = FixtureJwt.Issuer,
        Nuki = FixturePlan.Nuki,
        Users = [.. FixturePlan.Users.Select(user => user with { UserId = _userIds.TryGetValue(user.Key, out var id) ? id : null })],
        PersonalAccessToken = _pat ?? throw new InvalidOperationException("The scenario has not run."),
        Properties =
        [
            Property(FixturePlan.CasaDelMar, "Casa del Mar", "ana") with
            {
                CoverImageSha256 = Convert.ToHexStringLower(SHA256.HashData(FixturePlan.CoverImage)),
                CoverImageContentType = FixturePlan.CoverImageContentType,
            },
            Property(FixturePlan.AticoCentro, "Ático Centro", "ana"),
            Property(FixturePlan.CasaTeide, "Casa Rural Teide", "bruno"),
        ],
        Bookings = [.. _finalBookings],
        Tasks = [.. _tasks],
        Invitations = [.. _invitations],
        AccessCodes = [.. _accessCodes],
        Requests = requests,
    };

    public void Dispose()
    {
        foreach (var caller in _callers.Values)
        {
            caller.Dispose();
        }
    }

    private Guid BookingId(string key) => _bookings[key].Id;

    private static Guid Id(JsonElement element) => element.GetProperty("id").GetGuid();

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private FixtureProperty Property(string key, string name, string owner) => new() { Key = key, Id = _propertyIds[key], Name = name, OwnerKey = owner };

    private HttpClient NewHttp() => new() { BaseAddress = _apiUrl, Timeout = TimeSpan.FromSeconds(60) };

    private async Task RegisterUsersAsync()
    {
        foreach (var user in FixturePlan.Users.Where(user => user.Key != "erika"))
        {
            var registered = await _callers[user.Key].PostAsync("/v1/auth/register", new
            {
                first_name = user.FirstName,
                last_name = user.LastName,
                email = user.Email,
                locale = user.Key is "ana" or "carla" ? "es" : "en",
            });
            _userIds[user.Key] = Id(registered);
        }

        var bruno = FixturePlan.Users.Single(user => user.Key == "bruno");
        await Bruno.PutAsync("/v1/account", new
        {
            name = "Bruno Martín",
            email = bruno.Email,
            first_name = bruno.FirstName,
            last_name = bruno.LastName,
            phone = "+34 922 000 111",
            locale = "en",
            company_name = "Teide Rural SL",
            tax_id = "B76543210",
        });
    }

    // Ana's Nuki account holds Casa del Mar's locks; Bruno's account reports Casa Rural Teide's stays to SES.HOSPEDAJES.
    private async Task<Guid> ConnectIntegrationsAsync()
    {
        var nuki = await Ana.PostAsync("/v1/integrations/nuki", new { name = "Nuki Casa del Mar", token = FixturePlan.Nuki.Token });
        await Bruno.PostAsync("/v1/integrations/ses_hospedajes", new
        {
            name = "SES Casa Rural Teide",
            arrendador_code = "0000123456",
            username = "B12345678WS",
            password = "Kasify-Demo-2025",
            environment = "test",
        });
        return Id(nuki);
    }

    // València and La Orotava by their INE municipality codes, through the public geo search.
    private async Task LookUpPlacesAsync()
    {
        foreach (var (key, query, code) in new[] { ("valencia", "valencia", "46250"), ("orotava", "orotava", "38026") })
        {
            var cities = await Public.GetAsync($"/v1/geo/cities?q={query}&limit=50");
            var city = cities.EnumerateArray().Single(c => Text(c, "code") == code);
            _geo[key + "_city"] = Id(city);
            _geo[key + "_province"] = city.GetProperty("province_id").GetGuid();
        }
    }

    private async Task CreatePropertiesAsync(Guid nukiId)
    {
        var casaDelMar = await Ana.PostAsync("/v1/properties", new
        {
            name = "Casa del Mar",
            address = "Carrer de la Mar 12",
            city = "Valencia",
            zip_code = "46011",
            country_code = "ES",
            province_id = _geo["valencia_province"],
            city_id = _geo["valencia_city"],
            checkin_time = "16:00",
            checkout_time = "11:00",
            time_zone = "Europe/Madrid",
            airbnb_ical_url = "https://www.airbnb.com/calendar/ical/100200300.ics?s=fixture",
            booking_ical_url = "https://admin.booking.com/hotel/hoteladmin/ical.html?t=fixture",
            has_internet = true,
            rooms_count = 3,
        });
        _propertyIds[FixturePlan.CasaDelMar] = Id(casaDelMar);
        await Ana.UploadAsync($"/v1/properties/{Id(casaDelMar)}/cover-image", FixturePlan.CoverImage, FixturePlan.CoverImageContentType, "casa-del-mar.png");

        var atico = await Ana.PostAsync("/v1/properties", new { name = "Ático Centro", address = "Calle de Atocha 45, 5º", city = "Madrid", zip_code = "28012" });
        _propertyIds[FixturePlan.AticoCentro] = Id(atico);

        var teide = await Bruno.PostAsync("/v1/properties", new
        {
            name = "Casa Rural Teide",
            address = "Camino de Aguamansa 3",
            city = "La Orotava",
            zip_code = "38300",
            country_code = "ES",
            province_id = _geo["orotava_province"],
            city_id = _geo["orotava_city"],
            checkin_time = "15:00",
            checkout_time = "10:30",
            time_zone = "Atlantic/Canary",
            ses_establishment_code = "0000000042",
            ses_establishment_type = "CASA_RURAL",
            has_internet = false,
            rooms_count = 4,
        });
        _propertyIds[FixturePlan.CasaTeide] = Id(teide);

        var casa = _propertyIds[FixturePlan.CasaDelMar];
        await Ana.PostAsync($"/v1/properties/{casa}/smartlocks", new { integration_id = nukiId, smartlock_id = FixturePlan.Nuki.Smartlocks[0].SmartlockId });
        await Ana.PostAsync($"/v1/properties/{casa}/smartlocks", new { integration_id = nukiId, smartlock_id = FixturePlan.Nuki.Smartlocks[1].SmartlockId, name = "Entrada jardín" });
    }

    private async Task CreateBookingAsync(PlannedBooking booking)
    {
        var owner = booking.Property == FixturePlan.CasaTeide ? Bruno : Ana;
        var created = await owner.PostAsync($"/v1/properties/{_propertyIds[booking.Property]}/bookings", booking.Body());
        _bookings[booking.Key] = (booking, Id(created));
    }

    private async Task BuildCrewAsync()
    {
        var casa = _propertyIds[FixturePlan.CasaDelMar];
        var now = DateTimeOffset.UtcNow;
        await InviteAsync("manager", Ana, FixturePlan.CasaDelMar, new { accessLevel = "manager", email = Email("bruno"), locale = "en" }, acceptedBy: "bruno");
        await InviteAsync("cleaner", Ana, FixturePlan.CasaDelMar, new { accessLevel = "staff", service = "cleaning", email = Email("carla"), locale = "es" }, acceptedBy: "carla");
        await InviteAsync("contractor", Ana, FixturePlan.CasaDelMar,
            new { accessLevel = "contractor", service = "maintenance", maxUses = 3, expiresAt = now.AddDays(300) }, acceptedBy: "diego");
        await InviteAsync("open_for_erika", Ana, FixturePlan.CasaDelMar,
            new { accessLevel = "staff", service = "cleaning", email = Email("erika"), locale = "en", expiresAt = now.AddDays(200) }, acceptedBy: null);
        var revoked = await InviteAsync("revoked", Ana, FixturePlan.CasaDelMar, new { accessLevel = "staff", service = "gardening" }, acceptedBy: null);
        await Ana.DeleteAsync($"/v1/properties/{casa}/invitations/{revoked.Id}");
        _invitations[^1] = revoked with { State = "revoked" };

        // Ends a few seconds from now; the run waits for that before it stops, so the fixture holds it expired.
        _expiringInvitationEnds = DateTimeOffset.UtcNow.AddSeconds(5);
        var expiring = await InviteAsync("expired", Bruno, FixturePlan.CasaDelMar,
            new { accessLevel = "contractor", service = "pool", expiresAt = _expiringInvitationEnds }, acceptedBy: null);
        _invitations[^1] = expiring with { State = "expired" };

        await InviteAsync("teide_cleaner", Bruno, FixturePlan.CasaTeide, new { accessLevel = "staff", service = "cleaning", email = Email("carla") }, acceptedBy: "carla");
    }

    private static string Email(string key) => FixturePlan.Users.Single(user => user.Key == key).Email;

    private async Task<FixtureInvitation> InviteAsync(string key, ApiCaller inviter, string property, object body, string? acceptedBy)
    {
        var created = await inviter.PostAsync($"/v1/properties/{_propertyIds[property]}/invitations", body);
        var invitation = new FixtureInvitation
        {
            Key = key,
            Id = Id(created),
            PropertyKey = property,
            Token = Text(created, "token"),
            AccessLevel = Text(created, "accessLevel"),
            State = "open",
            Email = created.GetProperty("email").GetString(),
            UserKey = acceptedBy ?? (key == "open_for_erika" ? "erika" : null),
        };
        if (acceptedBy is not null)
        {
            await _callers[acceptedBy].PostAsync($"/v1/invitations/{invitation.Token}/accept", expected: HttpStatusCode.OK);
            var maxUses = created.GetProperty("maxUses");
            invitation = invitation with { State = maxUses.ValueKind == JsonValueKind.Number && maxUses.GetInt32() > 1 ? "open" : "used_up" };
        }

        _invitations.Add(invitation);
        return invitation;
    }

    private async Task MoveAndCancelBookingsAsync()
    {
        foreach (var (plan, id) in _bookings.Values)
        {
            var owner = plan.Property == FixturePlan.CasaTeide ? Bruno : Ana;
            if (plan.CreatedOn is not null)
            {
                await owner.PatchAsync($"/v1/bookings/{id}", new { from = Day(plan.From), to = Day(plan.To) });
            }

            if (plan.Traits.Contains("cancelled_later"))
            {
                await owner.PatchAsync($"/v1/bookings/{id}", new { status = "cancelled" });
            }
        }
    }

    private async Task RunTasksAsync()
    {
        var casa = _propertyIds[FixturePlan.CasaDelMar];
        var teide = _propertyIds[FixturePlan.CasaTeide];
        await Ana.PostAsync("/v1/tasks", new
        {
            property_id = casa,
            task_type = "maintenance",
            from = "2030-03-05T09:00:00+01:00",
            to = "2030-03-05T11:00:00+01:00",
            assigned_to = _userIds["diego"],
            notes = "Revisar la caldera antes de la temporada",
        });
        var tap = await Ana.PostAsync("/v1/tasks", new
        {
            property_id = casa,
            task_type = "maintenance",
            from = "2002-02-11T10:00:00+01:00",
            to = "2002-02-11T12:00:00+01:00",
            assigned_to = _userIds["diego"],
            notes = "Cambiar el grifo de la cocina",
        });
        await Diego.PostAsync($"/v1/tasks/{Id(tap)}/start", expected: HttpStatusCode.OK);
        await Diego.PostAsync($"/v1/tasks/{Id(tap)}/complete", new { job_report = "Grifo cambiado; la llave de paso gotea un poco." }, HttpStatusCode.OK);
        var hedge = await Ana.PostAsync("/v1/tasks", new
        {
            property_id = casa,
            task_type = "gardening",
            from = "2030-04-20T09:00:00+02:00",
            to = "2030-04-20T12:00:00+02:00",
            assigned_to = _userIds["carla"],
            notes = "Podar los setos",
        });
        await Ana.DeleteAsync($"/v1/tasks/{Id(hedge)}");
        await Ana.PostAsync("/v1/tasks", new
        {
            property_id = _propertyIds[FixturePlan.AticoCentro],
            task_type = "maintenance",
            from = "2030-02-18T10:00:00+01:00",
            to = "2030-02-18T11:00:00+01:00",
            notes = "Revisar las persianas",
        });
        var pool = await Bruno.PostAsync("/v1/tasks", new
        {
            property_id = teide,
            task_type = "pool",
            from = "2030-06-10T08:00:00+01:00",
            to = "2030-06-10T09:00:00+01:00",
            assigned_to = _userIds["bruno"],
            notes = "Limpieza de la piscina",
        });
        await Bruno.PostAsync($"/v1/tasks/{Id(pool)}/start", expected: HttpStatusCode.OK);
        var garden = await Bruno.PostAsync("/v1/tasks", new
        {
            property_id = teide,
            task_type = "gardening",
            from = "2003-05-05T08:00:00+01:00",
            to = "2003-05-05T10:00:00+01:00",
            assigned_to = _userIds["bruno"],
        });
        await Bruno.PostAsync($"/v1/tasks/{Id(garden)}/start", expected: HttpStatusCode.OK);
        await Bruno.PostAsync($"/v1/tasks/{Id(garden)}/complete", new { job_report = "Jardín regado y podado." }, HttpStatusCode.OK);

        // Automatic cleaning tasks: one reassigned to the cleaner and done, one done by the owner, the current stay's under way.
        var b01 = await CleaningTaskAsync("b01");
        await Ana.PatchAsync($"/v1/tasks/{b01}", new { assigned_to = _userIds["carla"] });
        await Carla.PostAsync($"/v1/tasks/{b01}/start", expected: HttpStatusCode.OK);
        await Carla.PostAsync($"/v1/tasks/{b01}/complete", new { job_report = "Todo limpio; falta una toalla de playa." }, HttpStatusCode.OK);
        var b02 = await CleaningTaskAsync("b02");
        await Ana.PostAsync($"/v1/tasks/{b02}/start", expected: HttpStatusCode.OK);
        await Ana.PostAsync($"/v1/tasks/{b02}/complete", expected: HttpStatusCode.OK);
        await Carla.PostAsync($"/v1/tasks/{await CleaningTaskAsync("b09")}/start", expected: HttpStatusCode.OK);
        await Bruno.PatchAsync($"/v1/tasks/{await CleaningTaskAsync("b10")}", new { job_report = "Dejar juego de llaves extra en el buzón." });
    }

    private async Task<Guid> CleaningTaskAsync(string bookingKey)
    {
        var (plan, id) = _bookings[bookingKey];
        var tasks = await Ana.GetAsync($"/v1/properties/{_propertyIds[plan.Property]}/tasks?size=100&include_cancelled=true");
        return Id(tasks.GetProperty("content").EnumerateArray()
            .Single(task => task.TryGetProperty("booking_id", out var booking) && booking.ValueKind == JsonValueKind.String && booking.GetGuid() == id));
    }

    private async Task PlaceAccessCodesAsync()
    {
        await Ana.PostAsync($"/v1/bookings/{BookingId("b18")}/accesscode", expected: HttpStatusCode.OK);
        var codes = await Bruno.PostAsync($"/v1/bookings/{BookingId("b19")}/accesscode", expected: HttpStatusCode.OK);
        var first = codes.GetProperty("codes").EnumerateArray().First();
        await Bruno.DeleteAsync($"/v1/bookings/{BookingId("b19")}/accesscode/{Id(first)}");
    }

    private async Task CheckInGuestsAsync()
    {
        var (valencia, valenciaCity) = (_geo["valencia_province"], _geo["valencia_city"]);
        var (tenerife, orotava) = (_geo["orotava_province"], _geo["orotava_city"]);
        await RegisterGuestAsync("b16", FixtureGuests.Carmen(valencia, valenciaCity));
        await RegisterGuestAsync("b16", FixtureGuests.Pablo(valencia, valenciaCity));
        await RegisterGuestAsync("b17", FixtureGuests.Markus());
        await RegisterGuestAsync("d01", FixtureGuests.Lucia(tenerife, orotava));
        await RegisterGuestAsync("d01", FixtureGuests.Leo(tenerife, orotava));
        await RegisterGuestAsync("d02", FixtureGuests.James());
    }

    private async Task RegisterGuestAsync(string bookingKey, Dictionary<string, object?> guest)
    {
        var owner = _bookings[bookingKey].Plan.Property == FixturePlan.CasaTeide ? Bruno : Ana;
        var booking = await owner.GetAsync($"/v1/bookings/{BookingId(bookingKey)}");
        await Public.PostAsync($"/v1/checkin/{Text(booking, "checkin_code")}/guests", guest);
    }

    // Codes are confirmed by reading the lock back and reports by the Ministry's lot verdict; both take a moment.
    private async Task SettleAsync()
    {
        var deadline = DateTimeOffset.UtcNow + SettleWait;
        while (true)
        {
            var pending = new List<string>();
            foreach (var key in new[] { "b18", "b19" })
            {
                var codes = await Ana.GetAsync($"/v1/bookings/{BookingId(key)}/accesscode");
                pending.AddRange(codes.GetProperty("codes").EnumerateArray()
                    .Where(code => Text(code, "status") is not ("active" or "revoked"))
                    .Select(code => $"{key} code {Text(code, "status")}"));
            }

            foreach (var key in new[] { "d01", "d02", "d03" })
            {
                var booking = await Bruno.GetAsync($"/v1/bookings/{BookingId(key)}");
                var communications = booking.GetProperty("ses_communications").EnumerateArray().ToList();
                var expected = key == "d03" ? 1 : 2;
                if (communications.Count != expected || communications.Any(c => Text(c, "status") != "accepted"))
                {
                    pending.Add($"{key} SES {Text(booking, "ses_status")} ({communications.Count} communications)");
                }
            }

            if (DateTimeOffset.UtcNow < _expiringInvitationEnds)
            {
                pending.Add("invitation not expired yet");
            }

            if (pending.Count == 0)
            {
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Vendor work did not settle within {SettleWait}: {string.Join(", ", pending)}.");
            }

            await Task.Delay(500);
        }
    }

    private async Task CollectAsync()
    {
        foreach (var (key, (plan, id)) in _bookings.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var owner = plan.Property == FixturePlan.CasaTeide ? Bruno : Ana;
            var booking = await owner.GetAsync($"/v1/bookings/{id}");
            _finalBookings.Add(new FixtureBooking
            {
                Key = key,
                Id = id,
                PropertyKey = plan.Property,
                From = plan.From,
                To = plan.To,
                Status = Text(booking, "status"),
                Channel = Text(booking, "channel"),
                CheckinCode = Text(booking, "checkin_code"),
                Traits = [.. plan.Traits.Where(trait => trait != "cancelled_on_create" && trait != "cancelled_later").Concat(Text(booking, "status") == "cancelled" ? ["cancelled"] : [])],
            });
        }

        var userKeys = _userIds.ToDictionary(pair => pair.Value, pair => pair.Key);
        var bookingKeys = _bookings.ToDictionary(pair => pair.Value.Id, pair => pair.Key);
        foreach (var (key, id) in _propertyIds)
        {
            var owner = key == FixturePlan.CasaTeide ? Bruno : Ana;
            var tasks = await owner.GetAsync($"/v1/properties/{id}/tasks?size=100&include_cancelled=true");
            foreach (var task in tasks.GetProperty("content").EnumerateArray())
            {
                _tasks.Add(new FixtureTask
                {
                    Id = Id(task),
                    PropertyKey = key,
                    TaskType = Text(task, "task_type"),
                    Status = Text(task, "status"),
                    PublicToken = Text(task, "public_token"),
                    AssignedToKey = task.GetProperty("assigned_to") is { ValueKind: JsonValueKind.String } assignee ? userKeys[assignee.GetGuid()] : null,
                    BookingKey = task.GetProperty("booking_id") is { ValueKind: JsonValueKind.String } booking ? bookingKeys[booking.GetGuid()] : null,
                });
            }
        }

        foreach (var key in new[] { "b18", "b19" })
        {
            var codes = await Ana.GetAsync($"/v1/bookings/{BookingId(key)}/accesscode");
            _accessCodes.AddRange(codes.GetProperty("codes").EnumerateArray().Select(code => new FixtureAccessCode
            {
                BookingKey = key,
                Id = Id(code),
                SmartlockId = code.GetProperty("smartlock_id").GetGuid(),
                Pin = Text(code, "code"),
                Status = Text(code, "status"),
            }));
        }
    }
}
