using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Kasify.Load.ChannelImport;

/// <summary>
/// What channel calendar sync costs on a running Kasify: a property's <c>airbnb_ical_url</c> is pointed at a feed of
/// <c>--events</c> stays on the fake channel server, and the mode times (1) the first import, from setting the URL until
/// the calendar's status counts every event (events reconciled per second, bookings created through the booking
/// calendar), (2) <c>POST /calendars/airbnb/sync</c> with the calendar read and reconciled again but unchanged (the
/// fake ignores the conditional GET), and (3) the same answered 304. From (2) it estimates how many such feeds one silo
/// can poll in 10 minutes, one after another. Exit 2 when the setup fails.
/// </summary>
internal static class ChannelImportMode
{
    public static async Task<int> RunAsync(HttpClient http, LoadOptions options, ChannelImportOptions importOptions)
    {
        var api = new KasifyApi(http, options.Token);
        using var fake = new HttpClient { BaseAddress = importOptions.ChannelFake, Timeout = TimeSpan.FromSeconds(30) };
        var feed = "load-" + Guid.NewGuid().ToString("N")[..12];
        string? propertyId = null;
        try
        {
            (await api.RegisterAsync()).Expect("register", 200, 201);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var events = new JsonArray([.. Enumerable.Range(0, importOptions.Events).Select(i => (JsonNode)new JsonObject
            {
                ["uid"] = $"load-{i}@airbnb.com",
                ["start"] = today.AddDays(3 + (i * 3)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["end"] = today.AddDays(5 + (i * 3)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["reservation_code"] = $"HMLOAD{i:D5}",
            })]);
            using (var put = await fake.PutAsJsonAsync($"/fake/feeds/{feed}", new JsonObject { ["shape"] = "airbnb", ["events"] = events }))
            {
                put.EnsureSuccessStatusCode();
            }

            propertyId = (await api.CreatePropertyAsync($"Channel import {feed}")).Expect("create property", 201).Text("id");
            var feedUrl = new Uri(importOptions.ChannelFake, $"/feeds/{feed}.ics").ToString();

            var first = Stopwatch.StartNew();
            var property = new JsonObject
            {
                ["name"] = $"Channel import {feed}",
                ["address"] = "Calle Mayor 1",
                ["city"] = "Madrid",
                ["zip_code"] = "28013",
                ["country_code"] = "ES",
                ["airbnb_ical_url"] = feedUrl,
            };
            (await api.SendAsync(HttpMethod.Put, $"/v1/properties/{propertyId}", property)).Expect("set airbnb_ical_url", 200);
            while ((await EventsAsync(api, propertyId)) < importOptions.Events)
            {
                if (first.Elapsed > TimeSpan.FromMinutes(10))
                {
                    throw new InvalidOperationException("the first import did not finish in 10 minutes");
                }

                await Task.Delay(50);
            }

            first.Stop();
            var reread = await TimeSyncsAsync(api, fake, feed, propertyId, importOptions.Rounds, ignoreConditional: true);
            var notModified = await TimeSyncsAsync(api, fake, feed, propertyId, importOptions.Rounds, ignoreConditional: false);

            Console.WriteLine($"channel-import: one Airbnb-shaped feed of {importOptions.Events:N0} stays on the fake channel server, {importOptions.Rounds} timed syncs per case");
            var table = new TextTable("case", "seconds", "events/s");
            table.Add("first import (all created)", first.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture), Rate(importOptions.Events, first.Elapsed));
            table.Add("re-read, nothing changed (mean)", reread.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture), Rate(importOptions.Events, reread));
            table.Add("304 not modified (mean)", notModified.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture), "-");
            table.Print();
            Console.WriteLine(
                $"feeds of this size one silo can re-read every 10 minutes, one after another: {TimeSpan.FromMinutes(10) / reread:N0} "
                + $"(answered 304: {TimeSpan.FromMinutes(10) / notModified:N0})");
            return 0;
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException)
        {
            Console.Error.WriteLine($"channel-import failed: {exception.Message}");
            return 2;
        }
        finally
        {
            if (propertyId is not null)
            {
                await api.DeletePropertyAsync(propertyId);
            }

            using var _ = await fake.DeleteAsync($"/fake/feeds/{feed}");
        }
    }

    private static async Task<int> EventsAsync(KasifyApi api, string propertyId)
    {
        var calendars = (await api.SendAsync(HttpMethod.Get, $"/v1/properties/{propertyId}/calendars")).Expect("list calendars", 200).Body?["calendars"]?.AsArray();
        return calendars is { Count: > 0 } ? calendars[0]!["events"]!.GetValue<int>() : 0;
    }

    private static async Task<TimeSpan> TimeSyncsAsync(KasifyApi api, HttpClient fake, string feed, string propertyId, int rounds, bool ignoreConditional)
    {
        using (var switches = await fake.PutAsJsonAsync($"/fake/feeds/{feed}/switches", new JsonObject { ["mode"] = "normal", ["ignore_conditional"] = ignoreConditional }))
        {
            switches.EnsureSuccessStatusCode();
        }

        (await api.SendAsync(HttpMethod.Post, $"/v1/properties/{propertyId}/calendars/airbnb/sync")).Expect("warm-up sync", 200);
        var watch = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            (await api.SendAsync(HttpMethod.Post, $"/v1/properties/{propertyId}/calendars/airbnb/sync")).Expect("sync", 200);
        }

        return watch.Elapsed / rounds;
    }

    private static string Rate(int events, TimeSpan elapsed) => (events / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture);
}
