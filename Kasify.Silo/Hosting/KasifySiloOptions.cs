using System.Net;
using Kasify.Grains.Crew;
using Kasify.Grains.Integrations.Nuki;
using Kasify.Grains.Integrations.Ses;
using Kasify.Grains.Outbound;
using Kasify.Grains.Outbox;
using Kasify.Grains.Readiness;
using Kasify.Grains.Security;
using Kasify.Grains.SesReporting;
using Kasify.Grains.SmartLocks;
using Kasify.Hosting.ClusterTls;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Kasify.Silo.Hosting;

/// <summary>
/// Everything a Kasify silo needs to know about its deployment, bound from the configuration section <c>Kasify</c>
/// (appsettings.json, or environment variables such as <c>Kasify__Storage__Mode</c>). Kasify.Silo/README.md lists
/// every key.
/// </summary>
public sealed class KasifySiloOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Kasify";

    /// <summary>Storage mode and locations.</summary>
    public KasifyStorageOptions Storage { get; set; } = new();

    /// <summary>Cluster identity and endpoints.</summary>
    public KasifyClusterOptions Cluster { get; set; } = new();

    /// <summary>Reminder timings.</summary>
    public KasifyReminderOptions Reminders { get; set; } = new();

    /// <summary>Failure-detection timings.</summary>
    public KasifyMembershipOptions Membership { get; set; } = new();

    /// <summary>
    /// Encryption at rest (section <c>Kasify:Encryption</c>). Postgres mode needs <see cref="KasifyEncryptionOptions.Keys"/>,
    /// the same on every silo; in Sqlite mode, without keys, a key file next to the database is used (created on first start).
    /// </summary>
    public KasifyEncryptionOptions Encryption { get; set; } = new();

    /// <summary>The Nuki Web API client (section <c>Kasify:Nuki</c>): base URL, timeouts, retries.</summary>
    public NukiOptions Nuki { get; set; } = new();

    /// <summary>
    /// The SES.HOSPEDAJES client (section <c>Kasify:Ses</c>): the Ministry's test and production endpoints or one
    /// override (a fake), the default application name, timeouts, and the certificates its TLS chain is checked against.
    /// </summary>
    public SesOptions Ses { get; set; } = new();

    /// <summary>Smart lock timings (section <c>Kasify:Locks</c>): status refresh period, vendor timeouts, retry backoff.</summary>
    public SmartLockOptions Locks { get; set; } = new();

    /// <summary>Arrival readiness (section <c>Kasify:Readiness</c>): check offsets before check-in (<c>48h,24h,2h</c>), battery warning level, retry period.</summary>
    public ReadinessOptions Readiness { get; set; } = new();

    /// <summary>
    /// Invitation and channel conflict emails (section <c>Kasify:Email</c>): SMTP host, port, credentials, sender, TLS, and
    /// the base URL of their links. Without a host, messages are written as <c>.eml</c> files to <c>PickupDirectory</c> (<c>.kasify/mail</c>).
    /// </summary>
    public InvitationEmailOptions Email { get; set; } = new();

    /// <summary>
    /// Booking SES.HOSPEDAJES reporting timings (section <c>Kasify:SesReporting</c>): reminder period, lot polling and
    /// resend backoff, the deadline warning.
    /// </summary>
    public SesReportingOptions SesReporting { get; set; } = new();

    /// <summary>
    /// Outbox delivery (section <c>Kasify:Outbox</c>): how soon a failed delivery of stored side effects (a booking change to
    /// locks, tasks, reporting and the feed; an access snapshot; an invitation email) is retried, and the period of the
    /// reminder that resumes it after a crash.
    /// </summary>
    public DurableDeliveryOptions Outbox { get; set; } = new();

    /// <summary>Channel calendar sync (<c>Kasify:Channels</c>): how often each feed is fetched, fetch timeout, size cap, redirects.</summary>
    public Grains.Channels.ChannelFeedOptions Channels { get; set; } = new();

    /// <summary>
    /// Calls to user-chosen URLs such as UniFi console addresses (section <c>Kasify:Outbound</c>): which addresses they
    /// may reach (private networks and loopback only when allowed), answer size, connect timeout, pooled handlers.
    /// </summary>
    public OutboundOptions Outbound { get; set; } = new();

    /// <summary>Binds and validates the options from the <c>Kasify</c> section of <paramref name="configuration"/>.</summary>
    /// <exception cref="KasifyConfigurationException">A value cannot be converted or is invalid.</exception>
    public static KasifySiloOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new KasifySiloOptions();
        try
        {
            configuration.GetSection(SectionName).Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            // The binder names the key and the value; its inner exception says why the conversion failed.
            var reason = exception.InnerException is { } inner ? $" ({inner.Message})" : "";
            throw new KasifyConfigurationException(exception.Message + reason, exception);
        }

        options.Validate();
        return options;
    }

    /// <summary>Checks that the settings the chosen mode needs are present and well-formed.</summary>
    /// <exception cref="KasifyConfigurationException">A setting is missing or invalid.</exception>
    public void Validate()
    {
        switch (Storage.Mode)
        {
            case KasifyStorageMode.Sqlite:
                Require(!string.IsNullOrWhiteSpace(Storage.SqlitePath), "Kasify:Storage:SqlitePath must name a file in Sqlite mode.");
                Require(!string.IsNullOrWhiteSpace(Storage.CoverImagesPath), "Kasify:Storage:CoverImagesPath must name a folder in Sqlite mode.");
                break;
            case KasifyStorageMode.Postgres:
                Require(
                    !string.IsNullOrWhiteSpace(Storage.ConnectionString),
                    "Kasify:Storage:ConnectionString is required in Postgres mode (e.g. Host=db;Username=kasify;Password=...;Database=kasify).");
                Require(IsConnectionString(Storage.ConnectionString!), "Kasify:Storage:ConnectionString is not a valid Npgsql connection string.");
                Require(
                    Encryption.Keys.Count > 0,
                    "Kasify:Encryption:Keys is required in Postgres mode: every silo needs the same keys, a list of { Id, Key } entries, Key "
                    + "being 32 random bytes in Base64 (openssl rand -base64 32), e.g. Kasify__Encryption__Keys__0__Id=2025-06 and "
                    + "Kasify__Encryption__Keys__0__Key=<key>. A key file cannot be shared by a cluster.");
                Require(!string.IsNullOrWhiteSpace(Cluster.ClusterId), "Kasify:Cluster:ClusterId must not be empty.");
                Require(
                    Cluster.AdvertisedIp is null || IPAddress.TryParse(Cluster.AdvertisedIp, out _),
                    $"Kasify:Cluster:AdvertisedIp '{Cluster.AdvertisedIp}' is not an IP address.");
                break;
            default:
                throw new KasifyConfigurationException($"Kasify:Storage:Mode '{Storage.Mode}' is not supported; use Sqlite or Postgres.");
        }

        Require(Cluster.SiloPort is > 0 and <= 65535, $"Kasify:Cluster:SiloPort {Cluster.SiloPort} is not a TCP port.");
        Require(Cluster.GatewayPort is > 0 and <= 65535, $"Kasify:Cluster:GatewayPort {Cluster.GatewayPort} is not a TCP port.");
        Require(Cluster.SiloPort != Cluster.GatewayPort, "Kasify:Cluster:SiloPort and GatewayPort must differ.");
        if (ClusterTlsRules.FindProblem(Cluster.Tls, IsClusterMode) is { } tlsProblem)
        {
            throw new KasifyConfigurationException(tlsProblem);
        }

        Require(Nuki.BaseUrl.IsAbsoluteUri && Nuki.BaseUrl.Scheme is "http" or "https", "Kasify:Nuki:BaseUrl must be an absolute http(s) URL.");
        Require(
            Ses.EndpointUrl is null || (Ses.EndpointUrl.IsAbsoluteUri && Ses.EndpointUrl.Scheme is "http" or "https"),
            "Kasify:Ses:EndpointUrl must be an absolute http(s) URL.");
        Require(Ses.TestUrl.IsAbsoluteUri && Ses.ProductionUrl.IsAbsoluteUri, "Kasify:Ses:TestUrl and ProductionUrl must be absolute URLs.");
        Require(
            !string.IsNullOrWhiteSpace(Ses.Application) && Ses.Application.Length <= SesLimits.Application,
            $"Kasify:Ses:Application must be 1 to {SesLimits.Application} characters.");
        Require(Ses.AttemptTimeout > TimeSpan.Zero, "Kasify:Ses:AttemptTimeout must be positive.");
        Require(Locks.StatusRefreshPeriod > TimeSpan.Zero, "Kasify:Locks:StatusRefreshPeriod must be positive.");
        Require(
            SesReporting.ReminderPeriod > TimeSpan.Zero && SesReporting.PollBaseDelay > TimeSpan.Zero && SesReporting.RetryBaseDelay > TimeSpan.Zero
                && SesReporting.CallTimeout > TimeSpan.Zero && SesReporting.DeadlineWarningAfter > TimeSpan.Zero,
            "Kasify:SesReporting timings must be positive.");
        Require(
            SesReporting.CallTimeout > Ses.TotalTimeout,
            "Kasify:SesReporting:CallTimeout must exceed Kasify:Ses:TotalTimeout, so the client's own timeout answers first.");
        Require(Locks.InlineVendorTimeout > TimeSpan.Zero, "Kasify:Locks:InlineVendorTimeout must be positive.");
        Require(
            Locks.AutoCodeLeadTime >= TimeSpan.Zero && Locks.AutoCodeLeadTime <= TimeSpan.FromDays(60) && Locks.AutoCodeRetryPeriod > TimeSpan.Zero,
            "Kasify:Locks:AutoCodeLeadTime must be between 0 and 60 days, and AutoCodeRetryPeriod positive.");
        Require(
            Outbox.RetryBaseDelay > TimeSpan.Zero && Outbox.RetryMaxDelay >= Outbox.RetryBaseDelay && Outbox.ReminderPeriod >= Reminders.MinimumPeriod,
            "Kasify:Outbox:RetryBaseDelay must be positive, RetryMaxDelay at least that, and ReminderPeriod at least Kasify:Reminders:MinimumPeriod.");
        Require(Reminders.MinimumPeriod > TimeSpan.Zero, "Kasify:Reminders:MinimumPeriod must be positive.");
        Require(ReadinessOffsetsValid(), "Kasify:Readiness:Offsets must be positive durations such as 48h,24h,2h.");
        Require(
            Readiness.BatteryWarningPercent is >= 0 and <= 100 && Readiness.RetryPeriod > TimeSpan.Zero,
            "Kasify:Readiness:BatteryWarningPercent must be 0 to 100, and RetryPeriod positive.");
        Require(
            Outbound.MaxResponseBytes > 0 && Outbound.MaxResponseBytes <= int.MaxValue && Outbound.ConnectTimeout > TimeSpan.Zero
                && Outbound.MaxPooledHandlers > 0 && Outbound.HandlerIdleTimeout > TimeSpan.Zero,
            "Kasify:Outbound:MaxResponseBytes, ConnectTimeout, MaxPooledHandlers and HandlerIdleTimeout must be positive (MaxResponseBytes at most 2147483647).");
        Require(Email.Port is > 0 and <= 65535, $"Kasify:Email:Port {Email.Port} is not a TCP port.");
        Require(
            Uri.TryCreate(Email.AcceptUrlBase, UriKind.Absolute, out var acceptBase) && acceptBase.Scheme is "http" or "https",
            "Kasify:Email:AcceptUrlBase must be an absolute http(s) URL.");
        Require(MimeKit.InternetAddress.TryParse(Email.From, out _), $"Kasify:Email:From '{Email.From}' is not an email address.");
        Require(
            !string.IsNullOrWhiteSpace(Email.Host) || !string.IsNullOrWhiteSpace(Email.PickupDirectory),
            "Kasify:Email:PickupDirectory must name a folder when Kasify:Email:Host is not set.");
    }

    /// <summary>True in Postgres mode, where silos and clients reach each other over the network rather than loopback.</summary>
    public bool IsClusterMode => Storage.Mode == KasifyStorageMode.Postgres;

    /// <summary>How the silo protects its ports (<see cref="ClusterTlsRules.Resolve"/>); call after <see cref="Validate"/>.</summary>
    public ClusterTransportSecurity TransportSecurity => ClusterTlsRules.Resolve(Cluster.Tls, IsClusterMode);

    /// <summary>
    /// The encryption settings the silo uses: the configured ones, or in Sqlite mode without keys a key file, by default
    /// <c>encryption-keys.json</c> in the database's folder. A relative key file path is resolved against the working directory.
    /// </summary>
    public KasifyEncryptionOptions ResolveEncryption()
    {
        if (Encryption.Keys.Count > 0 || Storage.Mode != KasifyStorageMode.Sqlite)
        {
            return Encryption;
        }

        var keyFile = string.IsNullOrWhiteSpace(Encryption.KeyFile)
            ? Path.Combine(Path.GetDirectoryName(KasifySilo.ResolvePath(Storage.SqlitePath))!, DefaultKeyFileName)
            : KasifySilo.ResolvePath(Encryption.KeyFile);
        return new KasifyEncryptionOptions { KeyFile = keyFile };
    }

    /// <summary>The key file Sqlite mode uses when no keys are configured, in the database's folder.</summary>
    public const string DefaultKeyFileName = "encryption-keys.json";

    private bool ReadinessOffsetsValid()
    {
        try
        {
            return !Readiness.ParsedOffsets().IsEmpty;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool IsConnectionString(string value)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(value);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new KasifyConfigurationException(message);
        }
    }
}
