namespace Kasify.Grains.Interfaces.Bookings;

/// <summary>
/// Resolves a booking's public check-in code to the booking. Key: <see cref="CheckinCodeKeys.For"/> ("code:" + the
/// code). One grain per code, so a code can belong to one booking only.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Bookings.ICheckinCodeIndexGrain")]
public interface ICheckinCodeIndexGrain : IGrainWithStringKey
{
    /// <summary>
    /// Binds the code to the booking; true when it now does (also when it already did), false when another booking
    /// holds the code.
    /// </summary>
    [Alias("RegisterAsync")]
    Task<bool> RegisterAsync(Guid bookingId);

    /// <summary>The booking the code belongs to, or null for an unknown code.</summary>
    [Alias("ResolveAsync")]
    Task<Guid?> ResolveAsync();

    /// <summary>Forgets the code if it belongs to <paramref name="bookingId"/>; the code then resolves to nothing.</summary>
    [Alias("ReleaseAsync")]
    Task ReleaseAsync(Guid bookingId);
}
