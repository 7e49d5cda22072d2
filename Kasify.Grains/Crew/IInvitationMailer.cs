namespace Kasify.Grains.Crew;

/// <summary>Delivers invitation emails (SMTP, or the pickup folder in the embedded default).</summary>
internal interface IInvitationMailer
{
    /// <summary>Sends the email; throws when it could not be handed over.</summary>
    Task SendAsync(InvitationEmail email, CancellationToken cancellationToken = default);
}
