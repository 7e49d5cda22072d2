using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Api.Tests.Integrations;
using Kasify.Grains.Crew;
using Kasify.Testing;

namespace Kasify.Api.Tests.CheckIn;

/// <summary>
/// A guest checks in while the owner of the same property adds a smart lock through a slow vendor and invites a cleaner
/// through a mail server that never answers: the guest's reads and registration, the owner's booking change and the
/// property's reads are all answered while the lock add is still waiting on the vendor.
/// </summary>
public sealed class CheckinBesideSlowVendorsTests : IAsyncLifetime
{
    // Below the test host's per-attempt Nuki timeout (2 s), so the add succeeds, slowly.
    private const int SlowVendorMs = 1_800;

    private readonly TcpListener _deadSmtp = new(System.Net.IPAddress.Loopback, 0);
    private readonly List<Socket> _heldConnections = [];
    private readonly KasifyApiFactory _factory;

    public CheckinBesideSlowVendorsTests()
    {
        _deadSmtp.Start();
        var port = ((System.Net.IPEndPoint)_deadSmtp.LocalEndpoint).Port;
        _factory = KasifyApiFactory.OnStorage((_, folder) =>
        {
            var options = KasifyTestSilos.SqliteOptions(folder);
            options.Email = new InvitationEmailOptions { Host = "127.0.0.1", Port = port, From = "kasify@example.org", Timeout = TimeSpan.FromSeconds(5) };
            return options;
        });
    }

    public async Task InitializeAsync()
    {
        await _factory.InitializeAsync();
        _ = HoldSmtpConnectionsAsync();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _deadSmtp.Stop();
        lock (_heldConnections)
        {
            _heldConnections.ForEach(connection => connection.Dispose());
        }
    }

    [Fact]
    public async Task TheGuestAndTheBookingAreAnsweredWhileTheVendorAndTheMailServerHang()
    {
        using var owner = _factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var token = ApiLocks.NewToken();
        var firstLock = _factory.SeedNukiLock(token, "Front Door");
        var integrationId = (await owner.ConnectNukiAsync(_factory, token)).GetProperty("id").GetGuid();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        await owner.AssignNukiLockAsync(propertyId, integrationId, firstLock);
        var arrival = ApiResponses.Today("Europe/Madrid").AddDays(5);
        var booking = await owner.CreateBookingAsync(propertyId, new { from = ApiResponses.Day(arrival), to = ApiResponses.Day(arrival.AddDays(2)), adults_count = 2 });
        var bookingId = booking.GetProperty("id").GetGuid();
        var code = booking.GetProperty("checkin_code").GetString();
        var secondLock = _factory.SeedNukiLock(token, "Back Door");
        _factory.Nuki.State.AddAccount(token).LatencyMs = SlowVendorMs;
        using var guest = _factory.CreateClient();

        var adding = owner.PostAsJsonAsync($"/v1/properties/{propertyId}/smartlocks", new { integration_id = integrationId, smartlock_id = secondLock });
        using var invited = await owner.PostAsJsonAsync(
            $"/v1/properties/{propertyId}/invitations", new { accessLevel = "staff", service = "cleaning", email = "luis@example.org", locale = "es" });
        using var form = await guest.GetAsync($"/v1/checkin/{code}");
        using var registered = await guest.PostAsJsonAsync($"/v1/checkin/{code}/guests", CheckinApiTests.SpanishAdult());
        using var moved = await owner.PatchAsJsonAsync($"/v1/bookings/{bookingId}", new { to = ApiResponses.Day(arrival.AddDays(3)) });
        using var property = await owner.GetAsync($"/v1/properties/{propertyId}");
        using var locks = await owner.GetAsync($"/v1/properties/{propertyId}/smartlocks");
        var stillAdding = !adding.IsCompleted;

        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, property.StatusCode);
        Assert.Equal(HttpStatusCode.OK, locks.StatusCode);
        Assert.True(stillAdding, "the lock add finished before the other requests; the vendor was not slow enough to show anything");
        using var added = await adding;
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var listed = await owner.GetFromJsonAsync<JsonElement>($"/v1/properties/{propertyId}/smartlocks");
        Assert.Equal(2, listed.GetProperty("smartlocks").GetArrayLength());
        var snapshot = await guest.GetFromJsonAsync<JsonElement>($"/v1/checkin/{code}");
        Assert.Equal(1, snapshot.GetProperty("guests").GetArrayLength());
        await ApiLocks.WaitUntilAsync(() => Task.FromResult(HeldConnections > 0), "the invitation mail reaches the dead mail server");
    }

    private int HeldConnections
    {
        get
        {
            lock (_heldConnections)
            {
                return _heldConnections.Count;
            }
        }
    }

    // A mail server that accepts connections and never greets: a client waits until its own timeout.
    private async Task HoldSmtpConnectionsAsync()
    {
        try
        {
            while (true)
            {
                var connection = await _deadSmtp.AcceptSocketAsync();
                lock (_heldConnections)
                {
                    _heldConnections.Add(connection);
                }
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // The listener stopped at the end of the test.
        }
    }
}
