using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kasify.Api.Tests.Calendar;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Api.Tests.Integrations;
using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Api.Tests.Roles;

/// <summary>
/// The one arrangement every row of the role matrix runs against: an owner's property with a manager, a staff member
/// and a contractor on its crew (written through storage, as <see cref="ApiCrew"/> does), owner-only settings, a cover
/// image, a Nuki lock, a current booking full of guest personal data with one guest checked in, and the owner's Nuki and
/// UniFi integrations; plus a registered user with no role anywhere near it, and an anonymous client.
/// </summary>
internal sealed class RoleMatrixArrangement : IAsyncDisposable
{
    public const string Zone = "Europe/Madrid";
    public const string PropertyMarker = "property";
    public const string BookingMarker = "booking";
    public const string OwnerEmailMarker = "owner-email";
    public const string IntegrationMarker = "integration";
    public const string GuestMarker = "guest";
    public const string GuestNameMarker = "guest-name";
    public const string CleaningTaskMarker = "cleaning-task";
    public const string ContractorTaskMarker = "contractor-task";

    private readonly Dictionary<Caller, HttpClient> _clients = [];
    private readonly Dictionary<Caller, Guid> _userIds = [];
    private readonly Dictionary<string, string> _markers = [];
    private int _fresh;

    private RoleMatrixArrangement(KasifyApiFactory cluster, KasifyApiFactory host)
    {
        Cluster = cluster;
        Host = host;
    }

    /// <summary>The collection's factory: the test cluster and the vendor fakes.</summary>
    public KasifyApiFactory Cluster { get; }

    /// <summary>The host the matrix calls: the same cluster, with per-IP limits out of the way of 300 requests.</summary>
    public KasifyApiFactory Host { get; }

    public Guid PropertyId { get; private set; }

    public Guid BookingId { get; private set; }

    public string CheckinCode { get; private set; } = "";

    /// <summary>The guest registered through the booking's check-in.</summary>
    public Guid GuestId { get; private set; }

    public string NukiToken { get; } = ApiLocks.NewToken();

    public Guid NukiIntegrationId { get; private set; }

    public Guid UnifiIntegrationId { get; private set; }

    /// <summary>The booking's automatic cleaning task, assigned to the default cleaner: the staff member.</summary>
    public Guid CleaningTaskId { get; private set; }

    public string CleaningTaskToken { get; private set; } = "";

    /// <summary>A maintenance task the owner assigned to the contractor.</summary>
    public Guid ContractorTaskId { get; private set; }

    public string BookingNotes => "Matrix note: door code for Señora Rolesdottir";

    public static async Task<RoleMatrixArrangement> CreateAsync(KasifyApiFactory factory)
    {
        var host = factory.WithSettings(new Dictionary<string, string?>
        {
            ["Kasify:RateLimits:GeoPerMinute"] = "10000",
            ["Kasify:RateLimits:PublicPerIpPerMinute"] = "10000",
            ["Kasify:RateLimits:OpenApiPerMinute"] = "10000",
            ["Kasify:RateLimits:DocsPerMinute"] = "10000",
            ["Kasify:RateLimits:AnonymousPerMinute"] = "10000",
            ["Kasify:RateLimits:UserPerMinute"] = "100000",
        });
        var arrangement = new RoleMatrixArrangement(factory, host);
        await arrangement.ArrangeAsync();
        return arrangement;
    }

    public HttpClient Client(Caller caller) => _clients[caller];

    public Guid UserId(Caller caller) => _userIds[caller];

    public string Email(Caller caller) => $"{caller.ToString().ToLowerInvariant()}-{_userIds.GetValueOrDefault(caller):N}@matrix.example";

    public string Marker(string name) => _markers[name];

    /// <summary>A new property of the owner with the same crew, for rows that change or delete what they call.</summary>
    public Task<Guid> FreshPropertyAsync() => Cluster.CreatePropertyWithCrewAsync(
        UserId(Caller.Owner),
        $"Fresh {Interlocked.Increment(ref _fresh)}",
        Zone,
        (UserId(Caller.Manager), AccessLevel.Manager),
        (UserId(Caller.Staff), AccessLevel.Staff),
        (UserId(Caller.Contractor), AccessLevel.Contractor));

    /// <summary>A lock at the owner's Nuki account that no property has yet.</summary>
    public long FreshNukiLock() => Cluster.SeedNukiLock(NukiToken, $"Matrix door {Interlocked.Increment(ref _fresh)}");

    /// <summary>A fresh property with a fresh lock the owner assigned to it.</summary>
    public async Task<(Guid PropertyId, Guid SmartLockId)> FreshPropertyWithLockAsync()
    {
        var propertyId = await FreshPropertyAsync();
        var smartLock = await Client(Caller.Owner).AssignNukiLockAsync(propertyId, NukiIntegrationId, FreshNukiLock());
        return (propertyId, smartLock.GetProperty("id").GetGuid());
    }

    /// <summary>A staff invitation the owner just made on a fresh property: the property, the invitation and its token.</summary>
    public async Task<(Guid PropertyId, Guid InvitationId, string Token)> FreshInvitationAsync()
    {
        var propertyId = await FreshPropertyAsync();
        using var response = await Client(Caller.Owner).PostAsJsonAsync($"/v1/properties/{propertyId}/invitations", new { accessLevel = "staff", service = "cleaning" });
        var invitation = await response.ReadSuccessAsync();
        return (propertyId, invitation.GetProperty("id").GetGuid(), invitation.GetProperty("token").GetString()!);
    }

    /// <summary>A task the owner just created on a fresh property, assigned to the staff member; started when asked.</summary>
    public async Task<Guid> FreshTaskAsync(bool started = false)
    {
        var owner = Client(Caller.Owner);
        var task = await CreateTaskAsync(await FreshPropertyAsync(), Caller.Staff);
        if (started)
        {
            using var start = await owner.PostAsync($"/v1/tasks/{task}/start", null);
            await start.ReadSuccessAsync();
        }

        return task;
    }

    /// <summary>The body of a maintenance task on a property, tomorrow morning.</summary>
    public object TaskBody(Guid propertyId, Caller? assignee = null)
    {
        var tomorrow = DateTimeOffset.UtcNow.Date.AddDays(1);
        return new
        {
            property_id = propertyId,
            task_type = "maintenance",
            from = new DateTimeOffset(tomorrow.AddHours(9), TimeSpan.Zero),
            to = new DateTimeOffset(tomorrow.AddHours(11), TimeSpan.Zero),
            assigned_to = assignee is { } caller ? UserId(caller) : (Guid?)null,
            notes = "Fix the shower",
        };
    }

    /// <summary>A personal access token the owner just created.</summary>
    public async Task<Guid> FreshOwnerTokenAsync()
    {
        using var response = await Client(Caller.Owner).PostAsJsonAsync("/v1/account/tokens", new { name = "matrix" });
        return (await response.ReadSuccessAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>The owner's full property body: owner-only fields included, so a replace by anyone changes nothing.</summary>
    public Dictionary<string, object?> PropertyBody() => new()
    {
        ["name"] = "Matrix House",
        ["address"] = "Calle Mayor 1",
        ["city"] = "Madrid",
        ["zip_code"] = "28013",
        ["time_zone"] = Zone,
        ["airbnb_ical_url"] = "https://www.airbnb.example/calendar/ical/matrix.ics",
        ["booking_ical_url"] = "https://admin.booking.example/ical/matrix.ics",
        ["default_cleaner_id"] = UserId(Caller.Staff),
    };

    /// <summary>A guest for the public check-in, different for every call so no document number repeats.</summary>
    public Dictionary<string, object?> Guest(string firstName) => new()
    {
        ["first_name"] = firstName,
        ["last_name"] = "Schmidt",
        ["nationality_country_code"] = "DE",
        ["date_of_birth"] = "1985-03-09",
        ["sex"] = "M",
        ["document_type"] = "PAS",
        ["document_number"] = $"C01X{Interlocked.Increment(ref _fresh):D5}",
        ["residence_address"] = "Hauptstr. 5",
        ["residence_country_code"] = "DEU",
        ["residence_city"] = "Berlin",
        ["residence_postal_code"] = "10115",
        ["phone_prefix"] = "+49",
        ["phone"] = "1701234567",
        ["email"] = "guest@example.de",
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await Host.DisposeAsync();
    }

    private async Task ArrangeAsync()
    {
        foreach (var caller in Enum.GetValues<Caller>())
        {
            if (caller == Caller.Anonymous)
            {
                _clients[caller] = Host.CreateClient();
                continue;
            }

            var client = Host.CreateAuthenticatedClient();
            _clients[caller] = client;
            _userIds[caller] = await client.RegisterAsync();
            using var account = await client.PutAsJsonAsync("/v1/account", new { email = Email(caller), first_name = caller.ToString(), last_name = "Matrix", locale = "en" });
            await account.ReadSuccessAsync();
        }

        var owner = Client(Caller.Owner);
        PropertyId = await Cluster.CreatePropertyWithCrewAsync(
            UserId(Caller.Owner),
            "Matrix House",
            Zone,
            (UserId(Caller.Manager), AccessLevel.Manager),
            (UserId(Caller.Staff), AccessLevel.Staff),
            (UserId(Caller.Contractor), AccessLevel.Contractor));
        using (var replaced = await owner.PutAsJsonAsync($"/v1/properties/{PropertyId}", PropertyBody()))
        {
            await replaced.ReadSuccessAsync();
        }

        using (var cover = await owner.SendAsync(CoverImageUpload(PropertyId)))
        {
            await cover.ReadSuccessAsync();
        }

        NukiIntegrationId = (await owner.ConnectNukiAsync(Cluster, NukiToken)).GetProperty("id").GetGuid();
        UnifiIntegrationId = (await owner.ConnectUnifiAsync(Cluster)).GetProperty("id").GetGuid();
        await owner.AssignNukiLockAsync(PropertyId, NukiIntegrationId, FreshNukiLock());

        // A stay in progress (it started yesterday), so the current booking, the timeline and the access codes all have it.
        var today = ApiResponses.Today(Zone);
        var booking = await owner.CreateBookingAsync(PropertyId, new
        {
            from = ApiResponses.Day(today.AddDays(-1)),
            to = ApiResponses.Day(today.AddDays(3)),
            guest_first_name = "Matrixa",
            guest_last_name = "Rolesdottir",
            guest_email = "matrixa@guests.example",
            guest_phone = "+34600999888",
            notes = BookingNotes,
            special_requests = "Late arrival",
            adults_count = 20,
        });
        BookingId = booking.GetProperty("id").GetGuid();
        CheckinCode = booking.GetProperty("checkin_code").GetString()!;

        // The next stay, so the cleaning task between the two has a next booking to describe (without its guest's name).
        await owner.CreateBookingAsync(PropertyId, new
        {
            from = ApiResponses.Day(today.AddDays(3)),
            to = ApiResponses.Day(today.AddDays(6)),
            guest_first_name = "Nextina",
            guest_last_name = "Rolesdottir",
            guest_email = "nextina@guests.example",
            adults_count = 2,
        });

        using (var guest = await Client(Caller.Anonymous).PostAsJsonAsync($"/v1/checkin/{CheckinCode}/guests", Guest("Guestina")))
        {
            Assert.True(guest.StatusCode == HttpStatusCode.Created, $"check-in answered {guest.StatusCode}: {await guest.Content.ReadAsStringAsync()}");
            GuestId = (await guest.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("guests")[0].GetProperty("id").GetGuid();
        }

        // The property's guest index takes the registration after it is answered.
        await ApiLocks.WaitUntilAsync(
            async () => (await owner.GetStringAsync(new Uri("/v1/guests", UriKind.Relative))).Contains("Guestina", StringComparison.Ordinal),
            "the guest list shows the registered guest");

        var cleaning = (await (await owner.GetAsync($"/v1/properties/{PropertyId}/tasks?task_type=cleaning")).ReadSuccessAsync()).GetProperty("content");
        var cleaningTask = cleaning.EnumerateArray().Single(task => task.GetProperty("booking_id").GetGuid() == BookingId);
        CleaningTaskId = cleaningTask.GetProperty("id").GetGuid();
        CleaningTaskToken = cleaningTask.GetProperty("public_token").GetString()!;
        Assert.Equal(UserId(Caller.Staff), cleaningTask.GetProperty("assigned_to").GetGuid());
        ContractorTaskId = await CreateTaskAsync(PropertyId, Caller.Contractor);

        _markers[PropertyMarker] = PropertyId.ToString();
        _markers[CleaningTaskMarker] = CleaningTaskId.ToString();
        _markers[ContractorTaskMarker] = ContractorTaskId.ToString();
        _markers[BookingMarker] = BookingId.ToString();
        _markers[OwnerEmailMarker] = Email(Caller.Owner);
        _markers[IntegrationMarker] = NukiIntegrationId.ToString();
        _markers[GuestMarker] = "Guestina";
        _markers[GuestNameMarker] = "Rolesdottir";
    }

    private async Task<Guid> CreateTaskAsync(Guid propertyId, Caller assignee)
    {
        using var response = await Client(Caller.Owner).PostAsJsonAsync("/v1/tasks", TaskBody(propertyId, assignee));
        return (await response.ReadSuccessAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>A multipart upload of a tiny PNG (the API checks the signature, not the pixels).</summary>
    public static HttpRequestMessage CoverImageUpload(Guid propertyId)
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];
        var image = new ByteArrayContent(png);
        image.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        var form = new MultipartFormDataContent { { image, "file", "cover.png" } };
        return new HttpRequestMessage(HttpMethod.Post, $"/v1/properties/{propertyId}/cover-image") { Content = form };
    }

    /// <summary>Reads a JSON body for the row checks; an empty or non-JSON body is <c>null</c>.</summary>
    public static JsonElement? TryParse(string body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
