namespace Kasify.Load.ReadRatio;

/// <summary>A property the run reads, and the token of its owner (the user whose account holds its locks).</summary>
internal sealed record ReadRatioProperty(string Id, string Token);
