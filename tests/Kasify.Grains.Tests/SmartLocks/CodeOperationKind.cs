namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>What a concurrency-test operation does to a booking's codes.</summary>
internal enum CodeOperationKind
{
    /// <summary>CreateAccessCodesAsync.</summary>
    Create,

    /// <summary>RevokeAccessCodeAsync of one of the booking's codes.</summary>
    Revoke,

    /// <summary>UpdateBookingAsync with new dates.</summary>
    Move,
}
