namespace Kasify.Load;

/// <summary>One measured request: its kind, HTTP status (0 when no response arrived) and latency.</summary>
internal readonly record struct OperationSample(string Kind, int Status, double Milliseconds);
