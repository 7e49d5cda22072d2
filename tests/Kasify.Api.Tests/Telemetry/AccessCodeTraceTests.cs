using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Kasify.Api.Tests.Identity;
using Kasify.Api.Tests.Infrastructure;
using Kasify.Api.Tests.Integrations;
using Orleans.Diagnostics;

namespace Kasify.Api.Tests.Telemetry;

public sealed class AccessCodeTraceTests(TracedApiFactory factory) : IClassFixture<TracedApiFactory>
{
    private const string Zone = "Europe/Madrid";
    private const long SmartlockId = 19_000_000_001;

    [Fact]
    public async Task IssuingAccessCodesIsOneTraceFromTheRequestThroughGrainsToTheNukiCall()
    {
        using var owner = factory.CreateAuthenticatedClient();
        var (bookingId, nukiPort) = await ArrangeBookingWithNukiLockAsync(owner);

        // Other hosts in this test process serve the same route at the same time, and listeners are process-wide: the
        // request names its trace, as a caller with a trace of its own would, so this request's spans can be told apart.
        var traceId = ActivityTraceId.CreateRandom();
        var callerSpanId = ActivitySpanId.CreateRandom();
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v1/bookings/{bookingId}/accesscode");
        post.Headers.Add("traceparent", $"00-{traceId}-{callerSpanId}-01");
        using var response = await owner.SendAsync(post);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        bool IsApiRequest(Activity span) => span.Kind == ActivityKind.Server && span.ParentSpanId == callerSpanId;
        var trace = await SpansOfTraceAsync(traceId, spans => spans.Any(span => IsCallTo(span, nukiPort)) && spans.Any(IsApiRequest));

        // The Nuki fake is an ASP.NET Core host in this process too: its span is the other server span of the trace.
        var request = Assert.Single(trace, IsApiRequest);
        Assert.Equal("Microsoft.AspNetCore", request.Source.Name);
        Assert.Equal("POST", request.GetTagItem("http.request.method"));
        Assert.Equal(200, request.GetTagItem("http.response.status_code"));
        Assert.Contains(trace, span => span.Source.Name == ActivitySources.ApplicationGrainActivitySourceName && span.Kind == ActivityKind.Client);
        Assert.Contains(trace, span => span.Source.Name == ActivitySources.ApplicationGrainActivitySourceName && span.Kind == ActivityKind.Server);
        var nukiCall = trace.First(span => IsCallTo(span, nukiPort));
        Assert.Equal(ActivityKind.Client, nukiCall.Kind);
        Assert.Equal(request, Ancestors(nukiCall, trace).Last());
        Assert.Contains(Ancestors(nukiCall, trace), span => span.Source.Name == ActivitySources.ApplicationGrainActivitySourceName);

        // Secrets stay out of spans: the served path shows as its route, the vendor URL as scheme, host and port.
        Assert.Equal(request.GetTagItem("http.route"), request.GetTagItem("url.path"));
        Assert.DoesNotContain(bookingId.ToString(), (string)request.GetTagItem("url.path")!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal($"http://127.0.0.1:{nukiPort}/", nukiCall.GetTagItem("url.full"));
    }

    /// <summary>The parent of <paramref name="span"/>, its parent, and so on, as far as <paramref name="trace"/> holds them.</summary>
    private static IEnumerable<Activity> Ancestors(Activity span, IReadOnlyList<Activity> trace)
    {
        for (var parent = trace.FirstOrDefault(other => other.SpanId == span.ParentSpanId); parent is not null;
             parent = trace.FirstOrDefault(other => other.SpanId == parent.ParentSpanId))
        {
            yield return parent;
        }
    }

    private static bool IsCallTo(Activity span, int port) =>
        span.Source.Name == "System.Net.Http" && span.GetTagItem("server.port") is int spanPort && spanPort == port;

    /// <summary>The spans of one trace, once <paramref name="complete"/> holds (spans of calls still running have not ended).</summary>
    private async Task<IReadOnlyList<Activity>> SpansOfTraceAsync(ActivityTraceId traceId, Func<IReadOnlyList<Activity>, bool> complete)
    {
        IReadOnlyList<Activity> spans = [];
        await ApiLocks.WaitUntilAsync(
            () =>
            {
                spans = [.. factory.Spans.Snapshot().Where(span => span.TraceId == traceId)];
                return Task.FromResult(complete(spans));
            },
            $"trace {traceId} holds the Nuki call; it has {string.Join(", ", spans.Select(span => $"{span.Source.Name}:{span.DisplayName}"))}");
        return spans;
    }

    private async Task<(Guid BookingId, int NukiPort)> ArrangeBookingWithNukiLockAsync(HttpClient owner)
    {
        await owner.RegisterAsync();
        var token = ApiLocks.NewToken();
        factory.Nuki.State.AddAccount(token);
        factory.Nuki.State.AddSmartlock(token, SmartlockId, "Front Door", keypadPaired: true, batteryCharge: 64);
        using var connect = await owner.PostAsJsonAsync("/v1/integrations/nuki", new { name = "Nuki", token });
        Assert.Equal(HttpStatusCode.Created, connect.StatusCode);
        var integrationId = (await connect.ReadSuccessAsync()).GetProperty("id").GetGuid();
        var propertyId = (await owner.CreatePropertyAsync()).GetProperty("id").GetGuid();
        await owner.AssignNukiLockAsync(propertyId, integrationId, SmartlockId);
        var tomorrow = ApiResponses.Today(Zone).AddDays(1);
        var booking = await owner.CreateBookingAsync(propertyId, new { from = ApiResponses.Day(tomorrow), to = ApiResponses.Day(tomorrow.AddDays(3)) });
        return (booking.GetProperty("id").GetGuid(), factory.Nuki.BaseUrl!.Port);
    }
}
