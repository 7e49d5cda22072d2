namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>How a concurrency-test operation ended: success, an expected Kasify error (its code), or anything else.</summary>
internal sealed record CodeOperationOutcome(CodeOperation Operation, string? ErrorCode, Exception? Unexpected);
