namespace Kasify.Grains.Crew;

/// <summary>
/// How Kasify's emails (invitations, channel conflicts) leave the silo (configuration section <c>Kasify:Email</c>). With a <see cref="Host"/> they go
/// through that SMTP server; without one (the embedded default) each message is written as an <c>.eml</c> file to
/// <see cref="PickupDirectory"/>, where a newcomer can open it.
/// </summary>
public sealed class InvitationEmailOptions
{
    /// <summary>SMTP server host name; null or empty writes messages to <see cref="PickupDirectory"/> instead.</summary>
    public string? Host { get; set; }

    /// <summary>SMTP port (587 submission with STARTTLS by default; 465 with <see cref="UseSsl"/>).</summary>
    public int Port { get; set; } = 587;

    /// <summary>SMTP user name; no authentication when empty.</summary>
    public string? UserName { get; set; }

    /// <summary>SMTP password for <see cref="UserName"/>.</summary>
    public string? Password { get; set; }

    /// <summary>The sender address, optionally with a display name (<c>Kasify &lt;no-reply@kasify.app&gt;</c>).</summary>
    public string From { get; set; } = "Kasify <no-reply@kasify.local>";

    /// <summary>TLS from the first byte (port 465); otherwise STARTTLS is used when the server offers it.</summary>
    public bool UseSsl { get; set; }

    /// <summary>Folder for <c>.eml</c> files when no host is set; a relative path is resolved against the working directory.</summary>
    public string PickupDirectory { get; set; } = ".kasify/mail";

    /// <summary>
    /// The app's base URL: an invitation links to <c>{AcceptUrlBase}/invitations/{token}/accept</c>, a channel conflict to
    /// <c>{AcceptUrlBase}/properties/{propertyId}/calendars</c>.
    /// </summary>
    public string AcceptUrlBase { get; set; } = "http://localhost:8080";

    /// <summary>How long one SMTP conversation may take before the send counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
