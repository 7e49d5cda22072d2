namespace Kasify.Load.ReadRatio;

/// <summary>An API answer as the bare endpoint replays it: the body's bytes, its content type and whether it came chunked.</summary>
internal sealed record CapturedResponse(byte[] Body, string ContentType, bool Chunked);
