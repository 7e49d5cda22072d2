namespace Kasify.Grains.Integrations.Ses;

/// <summary>Values of <c>tipoComunicacion</c>, sent only with <see cref="SesOperation.Create"/>.</summary>
public static class SesCommunicationType
{
    /// <summary>Parte de viajeros: guest register at check-in.</summary>
    public const string GuestRegister = "PV";

    /// <summary>Reserva de hospedaje: booking or its cancellation.</summary>
    public const string BookingReport = "RH";

    /// <summary>Vehicle rental contract.</summary>
    public const string VehicleRental = "AV";

    /// <summary>Vehicle rental booking.</summary>
    public const string VehicleBooking = "RV";
}
