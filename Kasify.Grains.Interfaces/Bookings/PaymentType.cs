using System.Text.Json.Serialization;

namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>
/// How the stay is paid, as SES.HOSPEDAJES codes it (table TIPO_PAGO). The wire values are those codes: EFECT, TARJT,
/// PLATF, TRANS, MOVIL, TREG, DESTI, OTRO.
/// </summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.Bookings.PaymentType")]
public enum PaymentType
{
    /// <summary>Cash (EFECT).</summary>
    [JsonStringEnumMemberName("EFECT")]
    Cash = 0,

    /// <summary>Card (TARJT).</summary>
    [JsonStringEnumMemberName("TARJT")]
    Card = 1,

    /// <summary>A payment platform, e.g. the booking portal (PLATF).</summary>
    [JsonStringEnumMemberName("PLATF")]
    Platform = 2,

    /// <summary>Bank transfer (TRANS).</summary>
    [JsonStringEnumMemberName("TRANS")]
    Transfer = 3,

    /// <summary>Mobile payment (MOVIL).</summary>
    [JsonStringEnumMemberName("MOVIL")]
    Mobile = 4,

    /// <summary>Gift card (TREG).</summary>
    [JsonStringEnumMemberName("TREG")]
    GiftCard = 5,

    /// <summary>Paid at the destination (DESTI).</summary>
    [JsonStringEnumMemberName("DESTI")]
    AtDestination = 6,

    /// <summary>Any other means (OTRO).</summary>
    [JsonStringEnumMemberName("OTRO")]
    Other = 7,
}
