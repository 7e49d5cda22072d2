using System.Net;
using System.Net.Sockets;
using Kasify.Fakes.Channels;
using Kasify.Grains.Crew;
using Kasify.Grains.Tests.Crew;
using Kasify.Grains.Tests.Storage;
using Kasify.Testing;
using netDumbster.smtp;
using static Kasify.Grains.Tests.Channels.ChannelConflictArrangement;

namespace Kasify.Grains.Tests.Channels;

public sealed class ChannelConflictUnreachableSmtpTests
{
    [Fact]
    public async Task AConflictEmailRefusedByTheMailServerArrivesOnceTheServerIsBack()
    {
        using var folder = new TestFolder();
        var port = FreePort.Next(1)[0];
        var options = KasifyTestSilos.SqliteOptions(folder.Path);
        options.Email = new InvitationEmailOptions { Host = "127.0.0.1", Port = port, Timeout = TimeSpan.FromSeconds(3), From = "Kasify <team@kasify.test>" };
        await using var fake = new ChannelFakeServer();
        await fake.StartAsync();
        var cluster = KasifyTestSilos.CreateInProcessClusterBuilder(options).Build();
        await cluster.DeployAsync();
        SimpleSmtpServer? server = null;
        try
        {
            // First a server that hangs up on every connection: each send fails, and the mail grain retries.
            var email = $"owner-{Guid.NewGuid():N}@example.org";
            using (var refusing = new HangingUpListener(port))
            {
                await ArrangeAsync(cluster.Client, fake, email);
                await Eventually.UntilAsync(() => Task.FromResult(refusing.Connections), count => count >= 2, Patience, "two failed sends");
            }

            server = SimpleSmtpServer.Start(port);
            var received = await Eventually.UntilAsync(
                () => Task.FromResult(server.ReceivedEmail.Select(mail => InvitationEmailTests.Parse(mail.Data)).ToList()),
                messages => messages.Count > 0,
                Patience,
                "the conflict email");

            var message = Assert.Single(received);
            Assert.Equal(email, Assert.Single(message.To.Mailboxes).Address);
            Assert.Contains($"del {Iso(Today().AddDays(41))} al {Iso(Today().AddDays(44))}", message.Subject, StringComparison.Ordinal);
        }
        finally
        {
            await cluster.DisposeAsync();
            server?.Stop();
            server?.Dispose();
        }
    }

    // Accepts SMTP connections and closes them before the greeting, counting them.
    private sealed class HangingUpListener : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly Task _accepting;
        private int _connections;

        public HangingUpListener(int port)
        {
            _listener = new TcpListener(IPAddress.Loopback, port);
            _listener.Start();
            _accepting = AcceptAsync();
        }

        public int Connections => Volatile.Read(ref _connections);

        public void Dispose()
        {
            _listener.Stop();
            _listener.Dispose();
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    using var client = await _listener.AcceptTcpClientAsync();
                    Interlocked.Increment(ref _connections);
                }
            }
            catch (ObjectDisposedException)
            {
                // Stopped.
            }
            catch (SocketException)
            {
                // Stopped.
            }
        }
    }
}
