using System.Net;
using System.Net.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kasify.Grains.Outbound;

/// <summary>
/// Creates the HTTP handlers of clients that call user-chosen URLs: every connection goes through
/// <see cref="OutboundConnector"/>, redirects are not followed (a redirect could lead anywhere), no proxy is used (it
/// would be the one connected to, not the URL's host), and no cookies are kept between the users sharing a handler.
/// </summary>
public sealed class OutboundHandlerFactory(OutboundOptions options, ILogger<OutboundHandlerFactory>? logger = null)
{
    /// <summary>The policy the handlers apply.</summary>
    public OutboundOptions Options { get; } = options;

    /// <summary>Name resolution; tests put their own in to give names the addresses they need.</summary>
    internal Func<string, CancellationToken, Task<IPAddress[]>> Resolve { get; init; } = Dns.GetHostAddressesAsync;

    /// <summary>A handler that reaches only addresses the policy allows, over https only when <paramref name="httpsOnly"/>.</summary>
    public SocketsHttpHandler Create(bool httpsOnly, SslClientAuthenticationOptions? ssl = null) => new()
    {
        ConnectCallback = new OutboundConnector(Options, httpsOnly, Resolve, (ILogger?)logger ?? NullLogger.Instance).ConnectAsync,
        ConnectTimeout = Options.ConnectTimeout,
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        SslOptions = ssl ?? new SslClientAuthenticationOptions(),
    };
}
