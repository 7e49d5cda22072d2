using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Kasify.Load.CheckinLatency;

/// <summary>
/// A dead SMTP server: it accepts TCP connections on 127.0.0.1 and never sends a byte, so a client waits for the greeting
/// until its own timeout, as with a mail server that hangs. The connections stay open until the tool ends.
/// </summary>
internal sealed class SmtpBlackHole : IDisposable
{
    private readonly TcpListener _listener;
    private readonly ConcurrentBag<Socket> _connections = [];
    private readonly CancellationTokenSource _stop = new();
    private int _accepted;

    private SmtpBlackHole(TcpListener listener) => _listener = listener;

    /// <summary>Connections accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Listens on <paramref name="port"/>; throws <see cref="SocketException"/> when the port is taken.</summary>
    public static SmtpBlackHole Start(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        var blackHole = new SmtpBlackHole(listener);
        _ = blackHole.AcceptAsync();
        return blackHole;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                _connections.Add(await _listener.AcceptSocketAsync(_stop.Token));
                Interlocked.Increment(ref _accepted);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        catch (SocketException)
        {
            // The listener was stopped.
        }
    }
}
