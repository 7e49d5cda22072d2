using System.Globalization;
using Kasify.Chaos.Setup;
using Kasify.Fakes.Nuki;
using Kasify.Fakes.UniFi;

namespace Kasify.Chaos.Verification;

/// <summary>
/// The PIN codes each lock of the run holds at its fake, in one shape for both vendors: a Nuki lock's keypad codes
/// (authorizations of type 13), a UniFi door's visitors that have a PIN and include the door.
/// </summary>
internal sealed class ChaosDevices(NukiFakeState nuki, UniFiFakeConsole unifi)
{
    private const int KeypadCode = 13;

    public IReadOnlyList<DeviceCode> CodesOn(ChaosLock device) => device.Vendor switch
    {
        ChaosVendor.Nuki => [.. nuki.CodesOn(long.Parse(device.DeviceId, CultureInfo.InvariantCulture))
            .Where(auth => auth.Type == KeypadCode)
            .Select(auth => new DeviceCode(auth.Code.ToString(CultureInfo.InvariantCulture), auth.AllowedFromDate, auth.AllowedUntilDate, auth.Name))],
        _ => [.. unifi.Visitors()
            .Where(visitor => visitor.Pin is not null && !visitor.Cancelled && visitor.DoorIds.Contains(device.DeviceId))
            .Select(visitor => new DeviceCode(
                visitor.Pin!,
                DateTimeOffset.FromUnixTimeSeconds(visitor.StartTime),
                DateTimeOffset.FromUnixTimeSeconds(visitor.EndTime),
                $"{visitor.FirstName} {visitor.LastName}"))],
    };

    /// <summary>
    /// Visitors at the UniFi console without a PIN: left when a create succeeded and assigning its PIN did not answer. They
    /// open nothing, so they are reported beside the counts rather than as orphan codes.
    /// </summary>
    public int PinlessVisitors() => unifi.Visitors().Count(visitor => visitor.Pin is null);
}
