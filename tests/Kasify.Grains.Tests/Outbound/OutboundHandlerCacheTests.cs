using System.Net;
using Kasify.Grains.Outbound;

namespace Kasify.Grains.Tests.Outbound;

public sealed class OutboundHandlerCacheTests
{
    private readonly Dictionary<string, List<RecordingHandler>> _created = [];
    private readonly ManualTime _time = new();

    [Fact]
    public async Task ANewKeyBeyondTheCapacityEvictsAndDisposesTheLeastRecentlyUsedHandler()
    {
        using var cache = Cache(capacity: 2);

        await SendAsync(cache, "a");
        await SendAsync(cache, "b");
        await SendAsync(cache, "a");
        await SendAsync(cache, "c");

        Assert.Equal(2, cache.Count);
        Assert.True(Handler("b").Disposed);
        Assert.False(Handler("a").Disposed);
        Assert.False(Handler("c").Disposed);
    }

    [Fact]
    public async Task ManyKeysNeverHoldMoreHandlersThanTheCapacity()
    {
        using var cache = Cache(capacity: 3);

        for (var i = 0; i < 50; i++)
        {
            await SendAsync(cache, $"pin-{i}");
            Assert.True(cache.Count <= 3);
        }

        Assert.Equal(47, _created.Values.SelectMany(handlers => handlers).Count(handler => handler.Disposed));
    }

    [Fact]
    public async Task AKeptHandlerIsReusedForItsKey()
    {
        using var cache = Cache(capacity: 2);

        await SendAsync(cache, "a");
        await SendAsync(cache, "a");

        var handler = Assert.Single(_created["a"]);
        Assert.Equal(2, handler.Requests);
    }

    [Fact]
    public async Task AHandlerUnusedForTheIdleTimeoutIsDisposedOnTheNextCall()
    {
        using var cache = Cache(capacity: 10, idleTimeout: TimeSpan.FromMinutes(5));
        await SendAsync(cache, "a");

        _time.Advance(TimeSpan.FromMinutes(6));
        await SendAsync(cache, "b");

        Assert.True(Handler("a").Disposed);
        Assert.Equal(1, cache.Count);
        await SendAsync(cache, "a");
        Assert.Equal(2, _created["a"].Count);
    }

    [Fact]
    public async Task AnEvictedHandlerIsDisposedOnlyOnceItsRequestHasFinished()
    {
        using var cache = Cache(capacity: 1);
        var slow = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var slowRequest = new HttpRequestMessage(HttpMethod.Get, "https://console.example/");
        slowRequest.Options.Set(RecordingHandler.AnswerOption, slow.Task);
        var inFlight = cache.SendAsync("a", slowRequest, CancellationToken.None);

        await SendAsync(cache, "b");
        Assert.False(Handler("a").Disposed);

        slow.SetResult(new HttpResponseMessage(HttpStatusCode.OK));
        using var response = await inFlight;
        Assert.True(Handler("a").Disposed);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task DisposingTheCacheDisposesEveryHandler()
    {
        var cache = Cache(capacity: 5);
        await SendAsync(cache, "a");
        await SendAsync(cache, "b");

        cache.Dispose();

        Assert.True(Handler("a").Disposed && Handler("b").Disposed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => SendAsync(cache, "c"));
    }

    private OutboundHandlerCache Cache(int capacity, TimeSpan? idleTimeout = null) =>
        new(Create, capacity, idleTimeout ?? TimeSpan.FromHours(1), _time);

    private RecordingHandler Create(string key)
    {
        var handler = new RecordingHandler();
        if (!_created.TryGetValue(key, out var handlers))
        {
            _created[key] = handlers = [];
        }

        handlers.Add(handler);
        return handler;
    }

    private RecordingHandler Handler(string key) => Assert.Single(_created[key]);

    private static async Task SendAsync(OutboundHandlerCache cache, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://console.example/");
        using var response = await cache.SendAsync(key, request, CancellationToken.None);
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public static readonly HttpRequestOptionsKey<Task<HttpResponseMessage>> AnswerOption = new("answer");

        public bool Disposed { get; private set; }

        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(Disposed, this);
            Requests++;
            return request.Options.TryGetValue(AnswerOption, out var answer) ? answer : Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
