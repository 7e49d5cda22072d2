namespace Kasify.Grains.Interfaces.Tasks;

/// <summary>The stay a cleaning task prepares for, free of guest personal data: dates and head count only.</summary>
[GenerateSerializer, Immutable, Alias("Kasify.Grains.Interfaces.Tasks.NextBookingInfo")]
public sealed record NextBookingInfo(DateOnly From, DateOnly To, int GuestsNumber);
