namespace Kasify.Grains.Channels;

/// <summary>A channel's latest fetch of the property's export calendar.</summary>
/// <param name="At">When.</param>
/// <param name="UserAgent">Its user agent (at most 200 characters).</param>
/// <param name="Seen">What the export showed it then.</param>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Channels.ExportFetch")]
public sealed record ExportFetch(DateTimeOffset At, string? UserAgent, List<ExportedStay> Seen);
