namespace Kasify.Load.LockCodes;

/// <summary>What one lock-codes request does.</summary>
internal enum LockCodeOperation
{
    /// <summary><c>POST /bookings/{id}/accesscode</c>: the booking's codes on every lock (existing ones are returned).</summary>
    Create,

    /// <summary><c>DELETE /bookings/{id}/accesscode/{code_id}</c> of a code a previous response listed as live.</summary>
    Revoke,

    /// <summary><c>PATCH /bookings/{id}</c> with new dates inside the booking's own slot, which moves its codes' windows.</summary>
    Move,

    /// <summary><c>GET /bookings/{id}/accesscode</c>.</summary>
    Read,
}
