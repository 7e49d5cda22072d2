using Kasify.Grains.Crew;
using Kasify.Grains.Tests.Storage;
using Kasify.Testing;
using MimeKit;
using netDumbster.smtp;
using Orleans.TestingHost;

namespace Kasify.Grains.Tests.Crew;

/// <summary>A one-silo cluster whose invitation emails go over SMTP to an in-process server on a free port.</summary>
public sealed class SmtpClusterFixture : IAsyncLifetime
{
    public const string AcceptUrlBase = "https://app.kasify.test";

    private readonly TestFolder _folder = new();

    public SimpleSmtpServer Server { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var port = FreePort.Next(1)[0];
        Server = SimpleSmtpServer.Start(port);
        var options = KasifyTestSilos.SqliteOptions(_folder.Path);
        options.Email = new InvitationEmailOptions { Host = "127.0.0.1", Port = port, AcceptUrlBase = AcceptUrlBase, From = "Kasify <team@kasify.test>" };
        Cluster = KasifyTestSilos.CreateInProcessClusterBuilder(options).Build();
        await Cluster.DeployAsync();
    }

    /// <summary>
    /// The one message the server received for <paramref name="to"/>, once it has: invitation emails go out after the
    /// answer, from the invitation's mail grain.
    /// </summary>
    public async Task<MimeMessage> ReceivedForAsync(string to)
    {
        var messages = await Eventually.UntilAsync(
            () => Task.FromResult(Server.ReceivedEmail
                .Select(received => InvitationEmailTests.Parse(received.Data))
                .Where(message => message.To.Mailboxes.Any(mailbox => mailbox.Address == to))
                .ToList()),
            received => received.Count > 0,
            TimeSpan.FromSeconds(15),
            $"an email to {to}");
        return Assert.Single(messages);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Server.Stop();
        Server.Dispose();
        _folder.Dispose();
    }
}
