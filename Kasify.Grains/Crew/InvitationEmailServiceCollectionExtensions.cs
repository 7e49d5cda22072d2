using Kasify.Grains.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Grains.Crew;

/// <summary>Registers how Kasify's emails (invitations, channel conflicts) are composed and sent.</summary>
public static class InvitationEmailServiceCollectionExtensions
{
    /// <summary>
    /// Adds the MailKit sender with <paramref name="options"/>, which the emails' texts read too (sender, link base); a
    /// relative <see cref="InvitationEmailOptions.PickupDirectory"/> is resolved against the working directory now, so
    /// the folder does not move with later directory changes.
    /// </summary>
    public static IServiceCollection AddInvitationEmail(this IServiceCollection services, InvitationEmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var resolved = new InvitationEmailOptions
        {
            Host = options.Host,
            Port = options.Port,
            UserName = options.UserName,
            Password = options.Password,
            From = options.From,
            UseSsl = options.UseSsl,
            PickupDirectory = Path.GetFullPath(options.PickupDirectory, Environment.CurrentDirectory),
            AcceptUrlBase = options.AcceptUrlBase,
            Timeout = options.Timeout,
        };
        services.AddSingleton(resolved);
        services.AddSingleton<IMailSender>(new MailKitMailSender(resolved));
        return services;
    }
}
