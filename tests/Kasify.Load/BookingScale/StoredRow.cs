namespace Kasify.Load.BookingScale;

/// <summary>A grain state row of <c>OrleansStorage</c>: its grain type, key (a Guid, a string, or a Guid <c>+extension</c>) and payload size.</summary>
internal sealed record StoredRow(string GrainType, string Key, long Bytes);
