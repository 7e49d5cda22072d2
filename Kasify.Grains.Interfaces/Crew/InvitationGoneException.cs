using Kasify.Grains.Interfaces.Errors;

namespace Kasify.Grains.Interfaces.Crew;

/// <summary>410: the invitation existed but can no longer be accepted (expired, revoked or used up).</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Crew.InvitationGoneException")]
public sealed class InvitationGoneException : KasifyException
{
    /// <summary>Creates the exception with its stable code (<c>invitation.expired</c>, ...) and message.</summary>
    public InvitationGoneException(string code, string message)
        : base(code, message)
    {
    }
}
