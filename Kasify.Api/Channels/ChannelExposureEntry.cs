using Kasify.Grains.Interfaces.Channels;

namespace Kasify.Api.Channels;

/// <summary>One channel's side of the property's calendars.</summary>
/// <param name="Channel">airbnb, booking, vrbo or other.</param>
/// <param name="Imports">The property's import calendars of this channel.</param>
/// <param name="LastExportFetchAt">When the channel last fetched the export calendar; null if never.</param>
/// <param name="LastExportUserAgent">The user agent of that fetch.</param>
/// <param name="Unseen">Bookings and blocks created or moved since that fetch (its own bookings left out): nights the channel may still sell.</param>
internal sealed record ChannelExposureEntry(
    ChannelCalendarChannel Channel,
    IReadOnlyList<ChannelCalendarResponse> Imports,
    DateTimeOffset? LastExportFetchAt,
    string? LastExportUserAgent,
    IReadOnlyList<UnseenNights> Unseen);
