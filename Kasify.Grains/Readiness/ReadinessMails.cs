using Kasify.Grains.Channels;

namespace Kasify.Grains.Readiness;

/// <summary>Stable ids of what a failed check owes, so a repeat (another offset, a restart) names the same mail and task.</summary>
internal static class ReadinessMails
{
    /// <summary>A name-based UUID of the property, the booking, the check and the recipient: one email per failed lock check and person.</summary>
    public static Guid IdFor(Guid propertyId, Guid bookingId, string checkKey, Guid recipientId) =>
        NameBasedIds.From($"kasify-readiness-mail\n{propertyId:N}\n{bookingId:N}\n{checkKey}\n{recipientId:N}");

    /// <summary>The reference a maintenance task's notes carry, by which it is found again instead of created twice.</summary>
    public static string TaskRefFor(Guid propertyId, Guid bookingId, string checkKey) =>
        NameBasedIds.From($"kasify-readiness-task\n{propertyId:N}\n{bookingId:N}\n{checkKey}").ToString("N");
}
