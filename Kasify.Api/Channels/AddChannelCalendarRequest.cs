using System.ComponentModel.DataAnnotations;
using Kasify.Api.Validation;
using Kasify.Grains.Interfaces.Channels;
using Kasify.Grains.Interfaces.Rentals;

namespace Kasify.Api.Channels;

/// <summary>A channel calendar to import beside the property's own Airbnb and Booking.com URLs (VRBO and others).</summary>
internal sealed class AddChannelCalendarRequest : IValidatableRequest, IValidatableObject
{
    /// <summary>The channel's iCal export URL: absolute http or https.</summary>
    [Required, MaxLength(PropertyLimits.UrlLength)]
    public string? Url { get; init; }

    /// <summary>Which channel it is: airbnb, booking, vrbo or other.</summary>
    [Required]
    public ChannelCalendarChannel? Channel { get; init; }

    /// <summary>How its events read: auto (the channel's labels, the default), stays or closures.</summary>
    public ChannelEventReading? Reading { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Url is not null
            && (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            yield return new ValidationResult("An absolute http(s) URL.", [nameof(Url)]);
        }
    }

    public NewChannelCalendar ToCommand() => new(Url!.Trim(), Channel!.Value, Reading ?? ChannelEventReading.Auto);
}
