using System.Text.Json.Serialization;

namespace Kasify.Grains.Interfaces.SesReporting;

/// <summary>Where a booking's (or one communication's) report to SES.HOSPEDAJES stands. Values are only ever appended.</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.SesReporting.SesStatus")]
public enum SesStatus
{
    /// <summary>Nothing to send: the account has no SES.HOSPEDAJES integration.</summary>
    [JsonStringEnumMemberName("not_required")]
    NotRequired = 0,

    /// <summary>Waiting to be sent (or resent after a transport failure).</summary>
    [JsonStringEnumMemberName("pending")]
    Pending = 1,

    /// <summary>Received by the Ministry in a lot that is not final yet.</summary>
    [JsonStringEnumMemberName("submitted")]
    Submitted = 2,

    /// <summary>Stored by the Ministry, with its communication code.</summary>
    [JsonStringEnumMemberName("accepted")]
    Accepted = 3,

    /// <summary>Refused for data the host can fix; the error says what.</summary>
    [JsonStringEnumMemberName("rejected")]
    Rejected = 4,

    /// <summary>Cancelled at the Ministry after the booking was cancelled, or dropped before it was ever sent.</summary>
    [JsonStringEnumMemberName("cancelled")]
    Cancelled = 5,

    /// <summary>
    /// Not sent because data is missing that the host (the booking, the property) or the guests (check-in) must add; the
    /// missing fields are listed, and the communication goes as soon as they are given. The Ministry has not seen it.
    /// </summary>
    [JsonStringEnumMemberName("incomplete")]
    Incomplete = 6,
}
