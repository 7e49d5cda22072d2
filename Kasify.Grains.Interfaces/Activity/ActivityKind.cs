namespace Kasify.Grains.Interfaces.Activity;

/// <summary>What happened. Wire values are snake_case (<c>booking_created</c>, …); values are only ever appended.</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Activity.ActivityKind")]
public enum ActivityKind
{
    /// <summary>A booking was created.</summary>
    BookingCreated = 0,

    /// <summary>A booking's dates or details changed.</summary>
    BookingChanged = 1,

    /// <summary>A booking was cancelled.</summary>
    BookingCancelled = 2,

    /// <summary>A guest registered through online check-in.</summary>
    GuestRegistered = 3,

    /// <summary>The last expected guest registered.</summary>
    CheckinCompleted = 4,
}
