using System.Net;
using System.Net.Sockets;
using System.Text;
using Kasify.Grains.Outbound;

namespace Kasify.Grains.Tests.Outbound;

/// <summary>
/// Handlers for user-chosen URLs against a plain TCP listener on 127.0.0.1, which records whether anything connected;
/// names are resolved by a stand-in resolver, so a test decides what a name resolves to.
/// </summary>
public sealed class OutboundHandlerFactoryTests : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<string> _lookups = [];

    public OutboundHandlerFactoryTests() => _listener.Start();

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Dispose() => _listener.Dispose();

    [Theory]
    [InlineData("console.example")]
    [InlineData("127.0.0.1")]
    [InlineData("[::ffff:127.0.0.1]")]
    public async Task AnAddressThePolicyRefusesIsNeverConnectedTo(string host)
    {
        using var client = Client(new OutboundOptions(), "127.0.0.1");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://{host}:{Port}/doors")));

        Assert.IsType<OutboundAddressRefusedException>(error.InnerException);
        Assert.False(_listener.Pending(), "something connected to the listener");
    }

    [Fact]
    public async Task ANameIsRefusedWhenAnyOfItsAddressesIs()
    {
        using var client = Client(new OutboundOptions { AllowLoopback = true }, "127.0.0.1", "10.1.2.3");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://console.example:{Port}/")));

        Assert.IsType<OutboundAddressRefusedException>(error.InnerException);
        Assert.False(_listener.Pending(), "something connected to the listener");
    }

    [Fact]
    public async Task ANameThatResolvesToNothingIsRefused()
    {
        using var client = Client(new OutboundOptions { AllowLoopback = true });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://console.example:{Port}/")));

        Assert.IsType<OutboundAddressRefusedException>(error.InnerException);
    }

    [Fact]
    public async Task TheNameIsResolvedOnceAndTheCheckedAddressIsTheOneConnectedTo()
    {
        using var client = Client(new OutboundOptions { AllowLoopback = true }, "127.0.0.1");
        var served = ServeOnceAsync("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");

        // console.example exists nowhere but in this resolver: the connection can only have gone to what it answered.
        using var response = await client.GetAsync(new Uri($"http://console.example:{Port}/doors"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(["console.example"], _lookups);
        Assert.StartsWith($"GET /doors HTTP/1.1\r\nHost: console.example:{Port}", await served, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARedirectIsReturnedNotFollowed()
    {
        using var client = Client(new OutboundOptions { AllowLoopback = true }, "127.0.0.1");
        var served = ServeOnceAsync("HTTP/1.1 302 Found\r\nLocation: http://169.254.169.254/latest/meta-data/\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        using var response = await client.GetAsync(new Uri($"http://console.example:{Port}/"));
        await served;

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(["console.example"], _lookups);
    }

    [Fact]
    public async Task AnHttpsOnlyHandlerRefusesPlainHttp()
    {
        var factory = new OutboundHandlerFactory(new OutboundOptions { AllowLoopback = true }) { Resolve = ResolveAsync(["127.0.0.1"]) };
        using var client = new HttpClient(factory.Create(httpsOnly: true));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://127.0.0.1:{Port}/")));

        Assert.IsType<OutboundAddressRefusedException>(error.InnerException);
        Assert.False(_listener.Pending(), "something connected to the listener");
    }

    [Fact]
    public void TheHandlersFollowNoRedirectsUseNoProxyAndKeepNoCookies()
    {
        var options = new OutboundOptions { ConnectTimeout = TimeSpan.FromSeconds(3) };
        using var handler = new OutboundHandlerFactory(options).Create(httpsOnly: true);

        Assert.Equal((false, false, false, TimeSpan.FromSeconds(3)), (handler.AllowAutoRedirect, handler.UseProxy, handler.UseCookies, handler.ConnectTimeout));
        Assert.NotNull(handler.ConnectCallback);
    }

    private HttpClient Client(OutboundOptions options, params string[] addresses)
    {
        var factory = new OutboundHandlerFactory(options) { Resolve = ResolveAsync(addresses) };
        return new HttpClient(factory.Create(httpsOnly: false)) { Timeout = TimeSpan.FromSeconds(10) };
    }

    private Func<string, CancellationToken, Task<IPAddress[]>> ResolveAsync(string[] addresses) => (host, _) =>
    {
        lock (_lookups)
        {
            _lookups.Add(host);
        }

        return Task.FromResult(addresses.Select(IPAddress.Parse).ToArray());
    };

    // Accepts one connection, reads the request head, answers with `response` and returns the head.
    private async Task<string> ServeOnceAsync(string response)
    {
        using var connection = await _listener.AcceptTcpClientAsync();
        var stream = connection.GetStream();
        var head = new StringBuilder();
        var buffer = new byte[1024];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
        return head.ToString();
    }
}
