using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Net.Http.Headers;

namespace Kasify.Fakes.Channels;

/// <summary>
/// Maps the feeds (<c>GET /feeds/{name}.ics</c>) and the fake's own <c>/fake/*</c> admin endpoints (JSON, snake_case)
/// onto a <see cref="ChannelFakeState"/>.
/// </summary>
public static class ChannelFakeEndpoints
{
    /// <summary>The Content-Type of a calendar answer.</summary>
    public const string CalendarContentType = "text/calendar; charset=utf-8";

    private const int ClientClosedRequest = 499;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    private static readonly byte[] LoginPage = Encoding.UTF8.GetBytes(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Log in</title></head>\n"
        + "<body><h1>Log in to continue</h1><form method=\"post\" action=\"/login\"><input name=\"email\" type=\"email\">"
        + "<input name=\"password\" type=\"password\"><button>Log in</button></form></body></html>\n");

    /// <summary>The path a feed is served at.</summary>
    public static string FeedPath(string name) => $"/feeds/{name}.ics";

    /// <summary>Maps every endpoint of the fake.</summary>
    public static IEndpointRouteBuilder MapChannelFake(this IEndpointRouteBuilder app, ChannelFakeState state)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(state);

        app.MapMethods("/feeds/{name}.ics", [HttpMethods.Get, HttpMethods.Head], (HttpContext http, string name) => ServeFeedAsync(http, state, name));

        var admin = app.MapGroup("/fake");
        admin.MapGet("/feeds", (HttpContext http) => Results.Json(state.Feeds().Select(f => FeedJson(http, f)), Json));
        admin.MapGet("/feeds/{name}", (HttpContext http, string name) =>
            state.Feed(name) is { } feed ? Results.Json(new { feed = FeedJson(http, feed), events = state.Events(name) }, Json) : Results.NotFound());
        admin.MapPut("/feeds/{name}", (HttpContext http, string name) => GuardAsync(async () =>
        {
            var body = await ReadAsync<FeedBody>(http);
            return body?.Shape is not { } shape
                ? Results.BadRequest("A feed needs a shape: airbnb, booking, vrbo or other.")
                : Results.Json(FeedJson(http, state.PutFeed(name, shape, body.Events ?? [])), Json);
        }));
        admin.MapDelete("/feeds/{name}", (string name) => state.RemoveFeed(name) ? Results.NoContent() : Results.NotFound());
        admin.MapPost("/feeds/{name}/events", (HttpContext http, string name) => GuardAsync(async () =>
            await ReadAsync<ChannelFakeEvent>(http) is not { } ev ? Results.BadRequest("An event is required.")
            : state.AddEvent(name, ev) is { } added ? Results.Json(added, Json, statusCode: StatusCodes.Status201Created)
            : Results.NotFound()));
        admin.MapPut("/feeds/{name}/events/{uid}", (HttpContext http, string name, string uid) => GuardAsync(async () =>
            await ReadAsync<ChannelFakeEvent>(http) is not { } ev ? Results.BadRequest("An event is required.")
            : state.ReplaceEvent(name, uid, ev) is { } replaced ? Results.Json(replaced, Json)
            : Results.NotFound()));
        admin.MapDelete("/feeds/{name}/events/{uid}", (string name, string uid) =>
            state.RemoveEvent(name, uid) ? Results.NoContent() : Results.NotFound());
        admin.MapPut("/feeds/{name}/switches", (HttpContext http, string name) => GuardAsync(async () =>
        {
            var body = await ReadAsync<SwitchesBody>(http);
            if (state.Switches(name) is not { } current)
            {
                return Results.NotFound();
            }

            var switches = Merge(current, body);
            return state.SetSwitches(name, switches) ? Results.Json(switches, Json) : Results.NotFound();
        }));
        // Typed as a Func so the handler's result is written rather than bound as a plain RequestDelegate.
        Func<HttpContext, Task<IResult>> setAllSwitches = http => GuardAsync(async () =>
        {
            var switches = Merge(ChannelFeedSwitches.Normal, await ReadAsync<SwitchesBody>(http));
            state.SetSwitchesForAll(switches);
            return Results.Json(switches, Json);
        });
        admin.MapPut("/switches", setAllSwitches);
        admin.MapGet("/feeds/{name}/requests", (string name) =>
            state.Requests(name) is { } requests
                ? Results.Json(new { count = state.RequestCount(name), requests }, Json)
                : Results.NotFound());
        return app;
    }

    private static async Task ServeFeedAsync(HttpContext http, ChannelFakeState state, string name)
    {
        if (state.Content(name) is not { } content)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var request = http.Request;
        var entry = new ChannelFeedRequest(
            state.Now(),
            request.Method,
            HeaderOrNull(request.Headers.IfNoneMatch),
            HeaderOrNull(request.Headers.IfModifiedSince),
            HeaderOrNull(request.Headers.UserAgent),
            0);
        var switches = content.Switches;
        if (switches.Mode == ChannelFeedMode.Slow && switches.DelayMs > 0)
        {
            try
            {
                await Task.Delay(switches.DelayMs, http.RequestAborted);
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                // The client gave up waiting: logged so a test can see the importer's timeout.
                state.LogRequest(name, entry with { Status = ClientClosedRequest });
                return;
            }
        }

        var (status, contentType, body, validators) = switches.Mode switch
        {
            ChannelFeedMode.Error => (StatusCodes.Status500InternalServerError, "text/plain; charset=utf-8", "Internal Server Error"u8.ToArray(), false),
            ChannelFeedMode.Empty => (StatusCodes.Status200OK, CalendarContentType, [], false),
            ChannelFeedMode.Html => (StatusCodes.Status200OK, "text/html; charset=utf-8", LoginPage, false),
            ChannelFeedMode.EmptyCalendar => (StatusCodes.Status200OK, CalendarContentType,
                Encoding.UTF8.GetBytes(ChannelFeedWriter.Write(content.Shape, [], content.LastModified)), true),
            ChannelFeedMode.Truncated => (StatusCodes.Status200OK, CalendarContentType, Truncate(Encoding.UTF8.GetBytes(content.Body)), true),
            _ => (StatusCodes.Status200OK, CalendarContentType, Encoding.UTF8.GetBytes(content.Body), true),
        };

        var response = http.Response;
        if (validators)
        {
            var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16)) + "\"");
            response.Headers.ETag = etag.ToString();
            response.Headers.LastModified = content.LastModified.ToString("R");
            if (!switches.IgnoreConditional && NotModified(request, etag, content.LastModified))
            {
                status = StatusCodes.Status304NotModified;
            }
        }

        // Logged before the body goes out, so a client that has its answer always finds its request in the log.
        state.LogRequest(name, entry with { Status = status });
        response.StatusCode = status;
        if (status == StatusCodes.Status304NotModified)
        {
            return;
        }

        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            await response.Body.WriteAsync(body, http.RequestAborted);
        }
    }

    // RFC 9110 §13.2.2: If-None-Match decides when present (weak comparison), If-Modified-Since only without it.
    private static bool NotModified(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        var headers = request.GetTypedHeaders();
        if (request.Headers.IfNoneMatch.Count > 0)
        {
            return headers.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
        }

        return headers.IfModifiedSince is { } since && lastModified <= since;
    }

    // Cut halfway through the last event, on bytes, as a dropped connection would.
    private static byte[] Truncate(byte[] body)
    {
        var begin = body.AsSpan().LastIndexOf("BEGIN:VEVENT"u8);
        var end = begin < 0 ? -1 : body.AsSpan(begin).IndexOf("END:VEVENT"u8);
        var cut = begin < 0 || end < 0 ? body.Length / 2 : begin + (end / 2);
        return body[..cut];
    }

    private static string? HeaderOrNull(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 0 ? null : values.ToString();

    private static async Task<IResult> GuardAsync(Func<Task<IResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (JsonException e)
        {
            return Results.BadRequest(e.Message);
        }
        catch (ArgumentException e)
        {
            return Results.BadRequest(e.Message);
        }
        catch (InvalidOperationException e)
        {
            return Results.Conflict(e.Message);
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpContext http) where T : class =>
        http.Request.ContentLength == 0 ? null : await JsonSerializer.DeserializeAsync<T>(http.Request.Body, Json, http.RequestAborted);

    private static ChannelFeedSwitches Merge(ChannelFeedSwitches current, SwitchesBody? body) => body is null
        ? current
        : new ChannelFeedSwitches(body.Mode ?? current.Mode, body.DelayMs ?? current.DelayMs, body.IgnoreConditional ?? current.IgnoreConditional);

    private static object FeedJson(HttpContext http, ChannelFeedInfo feed) => new
    {
        feed.Name,
        feed.Shape,
        Url = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{FeedPath(feed.Name)}",
        feed.EventCount,
        feed.Switches,
        feed.LastModified,
        feed.RequestCount,
    };

    private sealed record FeedBody(ChannelFeedShape? Shape, List<ChannelFakeEvent>? Events);

    private sealed record SwitchesBody(ChannelFeedMode? Mode, int? DelayMs, bool? IgnoreConditional);
}
