using Kasify.Grains.Integrations;
using Kasify.Grains.Integrations.UniFi;
using Kasify.Grains.Interfaces.Integrations;
using Kasify.Grains.Interfaces.SmartLocks;

namespace Kasify.Grains.SmartLocks;

/// <summary>
/// UniFi Access doors. A guest's PIN lives on a console visitor whose access is the door and the booking's window; the
/// console answers synchronously with the visitor's id, so a created code is active at once.
/// </summary>
internal sealed class UniFiLockDriver(IUniFiAccessClient unifi) : ILockDriver
{
    private const int DefaultPinLength = 6;

    // Visitors carry the code's name as their last name, in the form Nuki codes have, so a host sees Kasify's alike everywhere.
    private const string VisitorNamePrefix = "KSF-";

    public IntegrationType Provider => IntegrationType.Unifi;

    // A console holds as many visitors as its site allows; it answers a create it cannot take with an error.
    public int? MaxCodes => null;

    public string RejectedMessage => "The vendor rejected the code.";

    public string CodeNamePrefix => VisitorNamePrefix;

    public string NameFor(Guid codeId) => VisitorNamePrefix + codeId.ToString("N")[..12];

    public async Task<LockReading> ReadAsync(IntegrationCredentials credentials, string externalId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var doors = await unifi.ListDoorsAsync(UniFiIntegrationVendor.Connection(credentials), cancellationToken);
            var door = doors.FirstOrDefault(candidate => candidate.DoorId == externalId);
            if (door is null)
            {
                return new LockReading("unknown", "unknown", null, null, false, now);
            }

            var lockState = door.LockRelayStatus switch
            {
                "lock" => "locked",
                "unlock" => "unlocked",
                _ => "unknown",
            };
            var doorState = door.PositionStatus switch
            {
                "open" => "open",
                "close" => "closed",
                _ => "unknown",
            };
            return new LockReading(lockState, doorState, null, null, door.IsBindHub, now);
        }
        catch (UniFiAccessException exception)
        {
            throw VendorFailure(exception);
        }
    }

    // Visitors belong to the console, not to a door: this door's are those whose resources name it, and Kasify's codes of
    // this lock by their visitor id (a console may answer with a door group where Kasify sent the door). A cancelled
    // visitor or one without a PIN opens nothing, so it is listed as disabled.
    public async Task<IReadOnlyList<DeviceCode>> ListCodesAsync(
        IntegrationCredentials credentials, SmartLockState lockState, CancellationToken cancellationToken)
    {
        try
        {
            var visitors = await unifi.ListVisitorsAsync(UniFiIntegrationVendor.Connection(credentials), cancellationToken);
            var ours = lockState.Codes.Select(code => code.VendorId).OfType<string>().ToHashSet(StringComparer.Ordinal);
            return [.. visitors
                .Where(visitor => ours.Contains(visitor.VisitorId) || visitor.ResourceIds.Contains(lockState.ExternalId, StringComparer.Ordinal))
                .Select(visitor => new DeviceCode(
                    visitor.VisitorId,
                    visitor.LastName,
                    Pin: null,
                    visitor.ValidFrom,
                    visitor.ValidTo,
                    Enabled: visitor.HasPin && !string.Equals(visitor.Status, "CANCELLED", StringComparison.OrdinalIgnoreCase),
                    Pending: false))];
        }
        catch (UniFiAccessException exception)
        {
            throw VendorFailure(exception);
        }
    }

    public async Task DeleteCodeAsync(IntegrationCredentials credentials, string externalId, string vendorId, CancellationToken cancellationToken)
    {
        try
        {
            await unifi.DeleteVisitorPinAsync(UniFiIntegrationVendor.Connection(credentials), vendorId, cancellationToken);
        }
        catch (UniFiAccessException exception)
        {
            throw VendorFailure(exception);
        }
    }

    public string GeneratePin(SmartLockState lockState, IReadOnlySet<string> taken) =>
        UniFiPinRules.Generate(lockState.PinLength ?? DefaultPinLength, taken);

    public async Task ApplyAsync(LockCodeSession session, IReadOnlyList<LockCode> work, bool sweep, CancellationToken cancellationToken)
    {
        var connection = UniFiIntegrationVendor.Connection(session.Credentials);
        foreach (var code in work)
        {
            try
            {
                if (code.Wanted)
                {
                    await PlaceAsync(session, connection, code, cancellationToken);
                }
                else
                {
                    if (code.VendorId is not null)
                    {
                        await unifi.DeleteVisitorPinAsync(connection, code.VendorId, cancellationToken);
                    }

                    session.Done(code, AccessCodeStatus.Revoked);
                }
            }
            catch (UniFiAccessException exception)
            {
                Record(session, code, exception);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                session.Retry(code, "vendor.timeout");
                return;
            }
        }
    }

    private async Task PlaceAsync(LockCodeSession session, UniFiAccessConnection connection, LockCode code, CancellationToken cancellationToken)
    {
        if (code.VendorId is not null && code.Drift == LockCodeDrift.Content)
        {
            // A visitor cancelled or stripped of its PIN at the console cannot be restored through the API: it is
            // replaced by a new one with the same PIN (free again once the old visitor is gone).
            await unifi.DeleteVisitorPinAsync(connection, code.VendorId, cancellationToken);
            code.VendorId = null;
        }

        if (code.VendorId is null)
        {
            if (session.Lock.PinLength is null)
            {
                // The console's own PIN has the site's length.
                session.Lock.PinLength = (await unifi.GeneratePinAsync(connection, cancellationToken)).Length;
            }

            var pin = session.ReadPin(code);
            if (!UniFiPinRules.IsValid(pin, session.Lock.PinLength))
            {
                pin = GeneratePin(session.Lock, session.LivePins(except: code));
                session.WritePin(code, pin);
            }

            var visitor = await unifi.CreateVisitorPinAsync(
                connection,
                new UniFiVisitorPinRequest(session.Lock.ExternalId, "Kasify", code.VendorName, pin, code.ValidFrom, code.ValidTo),
                cancellationToken);
            code.VendorId = visitor.VisitorId;
        }
        else if (code.SentFrom != code.ValidFrom || code.SentTo != code.ValidTo)
        {
            await unifi.UpdateVisitorPinAsync(connection, code.VendorId, code.ValidFrom, code.ValidTo, cancellationToken: cancellationToken);
        }

        code.SentFrom = code.ValidFrom;
        code.SentTo = code.ValidTo;
        code.Drift = LockCodeDrift.None;
        session.Done(code, AccessCodeStatus.Active);
    }

    private static VendorCallException VendorFailure(UniFiAccessException exception) =>
        new(exception.Error is UniFiAccessError.InvalidCredentials or UniFiAccessError.PermissionDenied, exception.Message, exception);

    private void Record(LockCodeSession session, LockCode code, UniFiAccessException exception)
    {
        switch (exception.Error)
        {
            case UniFiAccessError.PinConflict:
                session.WritePin(code, GeneratePin(session.Lock, session.LivePins().Append(session.ReadPin(code)).ToHashSet()));
                session.Retry(code, "smartlock.code_taken");
                break;
            case UniFiAccessError.PinLengthInvalid:
                session.Lock.PinLength = null;
                session.Retry(code, "smartlock.pin_length");
                break;
            // A certificate that does not match the pin is not the console answering: unreachable, like any failure before it.
            case UniFiAccessError.Unreachable or UniFiAccessError.CertificateRejected or UniFiAccessError.RateLimited or UniFiAccessError.ServerError
                or UniFiAccessError.UnexpectedResponse or UniFiAccessError.DeviceUnavailable:
                session.Retry(code, exception.Error == UniFiAccessError.DeviceUnavailable ? "smartlock.offline" : "vendor.unavailable");
                break;
            case UniFiAccessError.NotFound when code.Wanted && code.VendorId is not null:
                // The visitor was removed at the console: create it again.
                code.VendorId = null;
                session.Retry(code, "accesscode.missing");
                break;
            case UniFiAccessError.NotFound when !code.Wanted:
                session.Done(code, AccessCodeStatus.Revoked);
                break;
            case UniFiAccessError.InvalidCredentials or UniFiAccessError.PermissionDenied:
                session.Reject(code, "integration.unauthorized");
                break;
            case UniFiAccessError.NotFound:
                session.Reject(code, "smartlock.not_found");
                break;
            default:
                session.Reject(code, "smartlock.rejected");
                break;
        }
    }
}
