namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>One operation of the concurrency test: what to do, to which booking slot, and the date shift for a move.</summary>
internal sealed record CodeOperation(CodeOperationKind Kind, int Slot, int Shift);
