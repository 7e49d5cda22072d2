using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Kasify.Grains.Outbound;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of handlers for user-chosen URLs: it resolves the host once,
/// checks every address the name gives against <see cref="OutboundAddressRules"/>, and connects to one of those checked
/// addresses. Nothing resolves the name a second time, so it cannot pass the check as a public address and then be
/// connected to as a private one (DNS rebinding). TLS is layered on afterwards by the handler, with the URL's host name.
/// </summary>
internal sealed partial class OutboundConnector(
    OutboundOptions options, bool httpsOnly, Func<string, CancellationToken, Task<IPAddress[]>> resolve, ILogger logger)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (httpsOnly && context.InitialRequestMessage.RequestUri?.Scheme != Uri.UriSchemeHttps)
        {
            throw new OutboundAddressRefusedException("Only https URLs may be called here.");
        }

        var host = context.DnsEndPoint.Host;
        IPAddress[] addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await resolve(host, cancellationToken);

        // One refused address refuses the name: a name that mixes public and private addresses is not a console's.
        var refused = addresses.FirstOrDefault(address => !OutboundAddressRules.IsAllowed(address, options));
        if (addresses.Length == 0 || refused is not null)
        {
            // The caller only ever hears "unreachable"; the operator, deciding on AllowPrivateNetworks, hears why.
            LogRefused(logger, host, refused, refused is null ? null : OutboundAddressRules.Classify(refused));
            throw new OutboundAddressRefusedException($"{host} is, or resolves to, an address that calls to user-chosen URLs may not reach.");
        }

        SocketException? last = null;
        foreach (var address in addresses.Select(OutboundAddressRules.ConnectableAddress))
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            var connected = false;
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                connected = true;
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                last = exception;
            }
            finally
            {
                if (!connected)
                {
                    socket.Dispose();
                }
            }
        }

        throw last!;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a call to a user-chosen URL: {Host} is or resolves to {Address} ({Kind}), which the outbound policy (Kasify:Outbound) does not allow")]
    private static partial void LogRefused(ILogger logger, string host, IPAddress? address, OutboundAddressKind? kind);
}
