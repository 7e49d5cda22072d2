using System.Text.Json.Serialization;

namespace Kasify.Grains.Interfaces.SesReporting;

/// <summary>What one communication reports; the wire names are the Ministry's.</summary>
[GenerateSerializer, Alias("Kasify.Grains.Interfaces.SesReporting.SesCommunicationKind")]
public enum SesCommunicationKind
{
    /// <summary>Reserva de hospedaje: the booking.</summary>
    [JsonStringEnumMemberName("RH")]
    BookingReport = 0,

    /// <summary>Parte de viajeros: the guests who checked in.</summary>
    [JsonStringEnumMemberName("PV")]
    GuestRegister = 1,

    /// <summary>Anulación: cancels accepted communications of a cancelled booking.</summary>
    [JsonStringEnumMemberName("B")]
    Cancellation = 2,
}
