namespace Kasify.Chaos.Verification;

/// <summary>A PIN as a fake device holds it, with its window (null where the vendor keeps none) and its name there.</summary>
internal sealed record DeviceCode(string Pin, DateTimeOffset? From, DateTimeOffset? To, string Name);
