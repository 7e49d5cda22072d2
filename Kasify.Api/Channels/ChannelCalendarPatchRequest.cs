using System.ComponentModel.DataAnnotations;
using Kasify.Api.Validation;
using Kasify.Grains.Interfaces.Channels;

namespace Kasify.Api.Channels;

/// <summary>How a channel calendar's events read from now on.</summary>
internal sealed class ChannelCalendarPatchRequest : IValidatableRequest
{
    /// <summary>auto (the channel's labels), stays (every event a stay) or closures (every event blocked dates).</summary>
    [Required]
    public ChannelEventReading? Reading { get; init; }
}
