namespace Kasify.Testing;

/// <summary>One grain state write (or clear) seen by a <see cref="StorageWriteProbe"/>, stamped when it finished.</summary>
public sealed record StorageWrite(string StateName, GrainId Grain, DateTimeOffset FinishedAt);
