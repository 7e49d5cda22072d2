using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Grains.Channels;

namespace Kasify.Api.Tests.Channels;

/// <summary>The export calendar channels import, and the exposure report built from their fetches of it.</summary>
[Collection(ApiCollection.Name)]
public sealed class ChannelExportApiTests(KasifyApiFactory factory)
{
    private static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");

    private static DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Madrid).DateTime);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(HttpClient Owner, Guid PropertyId)> PropertyAsync()
    {
        var owner = factory.CreateAuthenticatedClient();
        await owner.RegisterAsync();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        return (owner, propertyId);
    }

    private static Task<JsonElement> BookAsync(HttpClient owner, Guid propertyId, int inDays, int nights, string status = "confirmed", string channel = "manual") =>
        owner.CreateBookingAsync(propertyId, new
        {
            from = Iso(Today().AddDays(inDays)),
            to = Iso(Today().AddDays(inDays + nights)),
            status,
            channel,
            guest_first_name = "Ana",
            guest_last_name = "García",
            guest_email = "ana@example.org",
        });

    private static async Task<JsonElement> ChannelsAsync(HttpClient owner, Guid propertyId) =>
        await owner.GetFromJsonAsync<JsonElement>($"/v1/properties/{propertyId}/channels");

    private async Task<HttpResponseMessage> FetchAsync(string exportUrl, string userAgent, string? ifNoneMatch = null)
    {
        using var channel = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(exportUrl).PathAndQuery);
        request.Headers.UserAgent.ParseAdd(userAgent);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        }

        return await channel.SendAsync(request);
    }

    [Fact]
    public async Task TheExportShowsTakenNightsWithoutGuestDataAndReadsBackThroughTheImport()
    {
        var (owner, propertyId) = await PropertyAsync();
        using var _ = owner;
        var stay = await BookAsync(owner, propertyId, 10, 3);
        var block = await BookAsync(owner, propertyId, 20, 2, status: "blocked");
        await BookAsync(owner, propertyId, 30, 2, status: "cancelled");
        var exportUrl = (await ChannelsAsync(owner, propertyId)).GetProperty("export_url").GetString()!;

        using var response = await FetchAsync(exportUrl, "Airbnb (calendar sync)");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        foreach (var secret in new[] { "Ana", "García", "ana@example.org", "manual" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }

        // What a channel reads from it: the stay and the block on their nights, nothing of the cancelled booking.
        var read = ChannelFeedReader.Read(text, ChannelFeedKind.Other, FeedEventReading.Auto, Madrid, Today());
        Assert.True(read.Usable, read.ProblemText);
        Assert.Equal(
            [(Today().AddDays(10), Today().AddDays(13), ChannelEventKind.Stay), (Today().AddDays(20), Today().AddDays(22), ChannelEventKind.Closure)],
            read.Events.Select(e => (e.Arrival, e.Departure, e.Kind)));
        Assert.Contains($"{stay.GetProperty("id").GetGuid():N}@kasify.app", text, StringComparison.Ordinal);
        Assert.Contains($"{block.GetProperty("id").GetGuid():N}@kasify.app", text, StringComparison.Ordinal);

        using var again = await FetchAsync(exportUrl, "Airbnb (calendar sync)", response.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task EachChannelsFetchIsRecordedAndWhatItHasNotSeenIsListed()
    {
        var (owner, propertyId) = await PropertyAsync();
        using var _ = owner;
        await BookAsync(owner, propertyId, 10, 3);
        await BookAsync(owner, propertyId, 40, 3, channel: "airbnb"); // seen by both fetches
        var exportUrl = (await ChannelsAsync(owner, propertyId)).GetProperty("export_url").GetString()!;
        Assert.Empty((await ChannelsAsync(owner, propertyId)).GetProperty("channels").EnumerateArray());

        (await FetchAsync(exportUrl, "Booking.com iCal importer")).Dispose();
        var later = await BookAsync(owner, propertyId, 20, 2);
        (await FetchAsync(exportUrl, "Airbnb")).Dispose();
        var moved = await BookAsync(owner, propertyId, 50, 2);
        var airbnbAfter = await BookAsync(owner, propertyId, 60, 2, channel: "airbnb");

        var channels = (await ChannelsAsync(owner, propertyId)).GetProperty("channels").EnumerateArray().ToDictionary(row => row.GetProperty("channel").GetString()!);
        Assert.Equal(["airbnb", "booking"], channels.Keys.Order());
        Assert.Equal("Booking.com iCal importer", channels["booking"].GetProperty("last_export_user_agent").GetString());
        Guid[] Unseen(string channel) => [.. channels[channel].GetProperty("unseen").EnumerateArray().Select(row => row.GetProperty("booking_id").GetGuid())];

        // Booking.com fetched before two bookings (it saw the Airbnb one); Airbnb before one, and never needs its own.
        Assert.Equal([later.GetProperty("id").GetGuid(), moved.GetProperty("id").GetGuid(), airbnbAfter.GetProperty("id").GetGuid()], Unseen("booking"));
        Assert.Equal([moved.GetProperty("id").GetGuid()], Unseen("airbnb"));
    }

    [Fact]
    public async Task ARotatedExportUrlStopsAtOnce()
    {
        var (owner, propertyId) = await PropertyAsync();
        using var _ = owner;
        var oldUrl = (await ChannelsAsync(owner, propertyId)).GetProperty("export_url").GetString()!;

        using var rotated = await owner.PostAsync($"/v1/properties/{propertyId}/channels/export-token", null);
        var newUrl = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("export_url").GetString()!;

        Assert.NotEqual(oldUrl, newUrl);
        using var old = await FetchAsync(oldUrl, "Airbnb");
        await ProblemAssert.IsProblemAsync(old, HttpStatusCode.NotFound, "calendar.not_found");
        using var current = await FetchAsync(newUrl, "Airbnb");
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }
}
