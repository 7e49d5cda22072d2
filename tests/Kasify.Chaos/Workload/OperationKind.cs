namespace Kasify.Chaos.Workload;

/// <summary>What one workload operation does.</summary>
internal enum OperationKind
{
    ReadProperty,
    ReadLocks,
    ReadCalendar,
    ReadBookings,
    ReadCodes,
    CreateBooking,
    MoveBooking,
    CancelBooking,
    CreateCodes,
    RevokeCode,
    StartTask,
    CompleteTask,
    CreateExpiringStay,
    RegisterGuest,
    CancelCheckIn,
}
