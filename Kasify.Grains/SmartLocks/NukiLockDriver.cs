using System.Globalization;
using Kasify.Grains.Integrations;
using Kasify.Grains.Integrations.Nuki;
using Kasify.Grains.Interfaces.Integrations;
using Kasify.Grains.Interfaces.SmartLocks;

namespace Kasify.Grains.SmartLocks;

/// <summary>
/// Nuki keypad codes. Nuki writes are asynchronous (204 without an id) and an offline lock silently drops them, so a
/// create is confirmed by finding the code's unique name in the lock's list; until then the code is pending. Codes
/// named like Kasify's that no live code claims (a create retried after a lost answer, a crash before the state was
/// stored) are deleted, so the lock holds exactly the codes Kasify tracks.
/// </summary>
internal sealed class NukiLockDriver(INukiClient nuki) : ILockDriver
{
    /// <summary>Prefix of the names Kasify gives its codes; names stay within Nuki's 20 characters.</summary>
    public const string NamePrefix = "KSF-";

    // Nuki stores windows to the second at best; a move smaller than this is no move.
    private static readonly TimeSpan WindowTolerance = TimeSpan.FromSeconds(1);

    public IntegrationType Provider => IntegrationType.Nuki;

    public int? MaxCodes => NukiCodeRules.MaxCodesPerLock;

    public string RejectedMessage => "The vendor rejected the code (for Nuki, check that the lock has a keypad paired).";

    public string CodeNamePrefix => NamePrefix;

    // 16 characters: the prefix and 12 hex digits of the code's id, unique enough on one lock and within Nuki's 20.
    public string NameFor(Guid codeId) => NamePrefix + codeId.ToString("N")[..12];

    public async Task<LockReading> ReadAsync(IntegrationCredentials credentials, string externalId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var smartlock = await nuki.GetSmartlockAsync(credentials.Token, LockId(externalId), cancellationToken);
            return new LockReading(
                LockStateName(smartlock.LockState),
                DoorStateName(smartlock.DoorState),
                smartlock.BatteryCharge,
                smartlock.BatteryCritical,
                !smartlock.Offline,
                now);
        }
        catch (NukiException exception)
        {
            throw new VendorCallException(exception.Kind is NukiErrorKind.InvalidCredentials or NukiErrorKind.Forbidden, exception.Message, exception);
        }
    }

    public async Task<IReadOnlyList<DeviceCode>> ListCodesAsync(
        IntegrationCredentials credentials, SmartLockState lockState, CancellationToken cancellationToken)
    {
        try
        {
            var listed = await nuki.ListKeypadCodesAsync(credentials.Token, LockId(lockState.ExternalId), cancellationToken);
            return [.. listed.Select(code => new DeviceCode(
                code.Id, code.Name, code.Code.ToString(CultureInfo.InvariantCulture), code.AllowedFrom, code.AllowedUntil, code.Enabled, code.OperationId is not null))];
        }
        catch (NukiException exception)
        {
            throw new VendorCallException(exception.Kind is NukiErrorKind.InvalidCredentials or NukiErrorKind.Forbidden, exception.Message, exception);
        }
    }

    public async Task DeleteCodeAsync(IntegrationCredentials credentials, string externalId, string vendorId, CancellationToken cancellationToken)
    {
        try
        {
            await nuki.DeleteKeypadCodeAsync(credentials.Token, LockId(externalId), vendorId, cancellationToken);
        }
        catch (NukiException exception) when (exception.Kind != NukiErrorKind.NotFound)
        {
            throw new VendorCallException(exception.Kind is NukiErrorKind.InvalidCredentials or NukiErrorKind.Forbidden, exception.Message, exception);
        }
    }

    public string GeneratePin(SmartLockState lockState, IReadOnlySet<string> taken)
    {
        var codes = taken.Select(pin => int.TryParse(pin, CultureInfo.InvariantCulture, out var code) ? code : 0).ToHashSet();
        return NukiCodeRules.GenerateCode(codes).ToString(CultureInfo.InvariantCulture);
    }

    public async Task ApplyAsync(LockCodeSession session, IReadOnlyList<LockCode> work, bool sweep, CancellationToken cancellationToken)
    {
        var lockId = LockId(session.Lock.ExternalId);
        IReadOnlyList<NukiKeypadCode>? listed = null;
        async Task<IReadOnlyList<NukiKeypadCode>> ListAsync() =>
            listed ??= await nuki.ListKeypadCodesAsync(session.Credentials.Token, lockId, cancellationToken);

        foreach (var code in work)
        {
            try
            {
                if (code.Wanted)
                {
                    await PlaceAsync(session, lockId, code, ListAsync, cancellationToken);
                }
                else
                {
                    await RemoveAsync(session, lockId, code, ListAsync, cancellationToken);
                }

                // A write changed the lock's list; read it again for the next code.
                listed = null;
            }
            catch (NukiException exception)
            {
                Record(session, code, exception);
                listed = null;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                session.Retry(code, "vendor.timeout");
                return;
            }
        }

        if (!sweep)
        {
            return;
        }

        try
        {
            await DeleteOrphansAsync(session, lockId, await ListAsync(), cancellationToken);
        }
        catch (NukiException)
        {
            // Orphans are swept on the next pass.
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Likewise.
        }
    }

    private async Task PlaceAsync(
        LockCodeSession session, long lockId, LockCode code, Func<Task<IReadOnlyList<NukiKeypadCode>>> list, CancellationToken cancellationToken)
    {
        if (code.VendorId is null && code.CreateSentAt is null)
        {
            // A first create needs no read: a PIN taken by a code Kasify does not know is a 409, a full lock a 422.
            await CreateAsync(session, lockId, code, onLock: null, cancellationToken);
            return;
        }

        var onLock = await list();
        var found = code.VendorId is null
            ? onLock.FirstOrDefault(listed => listed.Name == code.VendorName)
            : onLock.FirstOrDefault(listed => listed.Id == code.VendorId);
        if (found is null)
        {
            if (code.VendorId is not null)
            {
                // The code was removed at the lock by someone else: put it back.
                code.VendorId = null;
                code.CreateSentAt = null;
            }

            await CreateAsync(session, lockId, code, onLock, cancellationToken);
            return;
        }

        code.VendorId = found.Id;
        var pinOnLock = found.Code.ToString(CultureInfo.InvariantCulture);
        if (code.Drift == LockCodeDrift.None && session.ReadPin(code) != pinOnLock)
        {
            // A create sent twice with different PINs: the one the lock took is the code. (A code someone altered on
            // the device is not adopted: Kasify's PIN is written back below.)
            session.WritePin(code, pinOnLock);
        }

        if (found.OperationId is not null)
        {
            session.CheckAgain(code, session.Options.ReadBackDelay);
            return;
        }

        var pin = session.ReadPin(code);
        if (SameWindow(found, code) && found.Enabled && pin == pinOnLock)
        {
            code.SentFrom = code.ValidFrom;
            code.SentTo = code.ValidTo;
            code.WriteSentAt = null;
            code.Drift = LockCodeDrift.None;
            session.Done(code, AccessCodeStatus.Active);
            return;
        }

        // The lock holds another window (or someone changed the PIN or disabled the code): Kasify's version is sent,
        // then confirmed by reading back like every Nuki write.
        if (!MayWrite(session, code))
        {
            return;
        }

        var request = new NukiKeypadCodeRequest(code.VendorName, int.Parse(pin, CultureInfo.InvariantCulture), code.ValidFrom, code.ValidTo);
        code.WriteSentAt = session.Now;
        await nuki.UpdateKeypadCodeAsync(session.Credentials.Token, lockId, found.Id, request, cancellationToken);
        session.CheckAgain(code, session.Options.ReadBackDelay);
    }

    // A write to an offline lock is dropped by Nuki, and a write sent a moment ago may still be on its way: in both
    // cases the code waits instead of sending (again).
    private static bool MayWrite(LockCodeSession session, LockCode code)
    {
        if (session.Lock.Status is { Online: false })
        {
            session.Retry(code, "smartlock.offline");
            return false;
        }

        if (code.WriteSentAt is { } sentAt && session.Now - sentAt < session.Options.CreateConfirmGrace)
        {
            session.CheckAgain(code, session.Options.ReadBackDelay);
            return false;
        }

        return true;
    }

    private async Task CreateAsync(
        LockCodeSession session, long lockId, LockCode code, IReadOnlyList<NukiKeypadCode>? onLock, CancellationToken cancellationToken)
    {
        // A create already sent may still be on its way to the device: wait for it rather than send a second one.
        if (code.CreateSentAt is { } sentAt && session.Now - sentAt < session.Options.CreateConfirmGrace)
        {
            session.CheckAgain(code, session.Options.ReadBackDelay);
            return;
        }

        if (session.Lock.Status is { Online: false })
        {
            session.Retry(code, "smartlock.offline");
            return;
        }

        var foreign = onLock?.Where(listed => listed.Name != code.VendorName).ToList() ?? [];
        if (!NukiCodeRules.HasRoom(foreign.Count))
        {
            session.Reject(code, "smartlock.full");
            return;
        }

        var taken = foreign.Select(listed => listed.Code.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        taken.UnionWith(session.LivePins(except: code));
        var pin = session.ReadPin(code);
        if (pin.Length == 0 || taken.Contains(pin))
        {
            pin = GeneratePin(session.Lock, taken);
            session.WritePin(code, pin);
        }

        // Stored before the call: if the answer is lost, the next pass looks for the code by name instead of creating another.
        code.CreateSentAt = session.Now;
        await session.SaveIntentAsync();
        try
        {
            await nuki.CreateKeypadCodeAsync(
                session.Credentials.Token,
                lockId,
                new NukiKeypadCodeRequest(code.VendorName, int.Parse(pin, CultureInfo.InvariantCulture), code.ValidFrom, code.ValidTo),
                cancellationToken);
        }
        catch (NukiException exception) when (exception.Kind is not (NukiErrorKind.DuplicateCode or NukiErrorKind.Unavailable
            or NukiErrorKind.Unexpected or NukiErrorKind.Pending))
        {
            // Refused outright: no code will land from this create, so nothing waits for it to show up.
            code.CreateSentAt = null;
            throw;
        }
        catch (NukiException exception) when (exception.Kind == NukiErrorKind.DuplicateCode)
        {
            // Another code on the lock has this PIN (one the list did not show yet): pick another next time.
            code.CreateSentAt = null;
            session.WritePin(code, GeneratePin(session.Lock, taken.Append(pin).ToHashSet()));
            session.Retry(code, "smartlock.code_taken");
            return;
        }

        code.SentFrom = code.ValidFrom;
        code.SentTo = code.ValidTo;
        session.CheckAgain(code, session.Options.ReadBackDelay);
    }

    private async Task RemoveAsync(
        LockCodeSession session, long lockId, LockCode code, Func<Task<IReadOnlyList<NukiKeypadCode>>> list, CancellationToken cancellationToken)
    {
        if (code.VendorId is null && code.CreateSentAt is null)
        {
            session.Done(code, AccessCodeStatus.Revoked);
            return;
        }

        var onLock = await list();
        var found = code.VendorId is null
            ? onLock.FirstOrDefault(listed => listed.Name == code.VendorName)
            : onLock.FirstOrDefault(listed => listed.Id == code.VendorId);
        if (found is null)
        {
            var createMayLand = code.VendorId is null && code.CreateSentAt is { } sentAt
                && session.Now - sentAt < session.Options.CreateConfirmGrace && session.Lock.Status is not { Online: false };
            if (createMayLand)
            {
                // The create may still land; look again before calling the code gone.
                session.CheckAgain(code, session.Options.ReadBackDelay);
                return;
            }

            // Gone from the lock (or never reached it): confirmed by the read-back.
            code.WriteSentAt = null;
            session.Done(code, AccessCodeStatus.Revoked);
            return;
        }

        code.VendorId = found.Id;
        if (found.OperationId is not null || !MayWrite(session, code))
        {
            if (found.OperationId is not null)
            {
                session.CheckAgain(code, session.Options.ReadBackDelay);
            }

            return;
        }

        code.WriteSentAt = session.Now;
        try
        {
            await nuki.DeleteKeypadCodeAsync(session.Credentials.Token, lockId, found.Id, cancellationToken);
        }
        catch (NukiException exception) when (exception.Kind == NukiErrorKind.NotFound)
        {
            code.WriteSentAt = null;
            session.Done(code, AccessCodeStatus.Revoked);
            return;
        }

        session.CheckAgain(code, session.Options.ReadBackDelay);
    }

    private async Task DeleteOrphansAsync(LockCodeSession session, long lockId, IReadOnlyList<NukiKeypadCode> onLock, CancellationToken cancellationToken)
    {
        var claimed = session.Lock.Codes
            .Where(code => code.Wanted || code.Status == AccessCodeStatus.Revoking)
            .ToDictionary(code => code.VendorName);
        var orphans = onLock
            .Where(listed => listed.Name.StartsWith(NamePrefix, StringComparison.Ordinal) && listed.OperationId is null)
            .Where(listed => claimed.GetValueOrDefault(listed.Name) is not { } owner || (owner.VendorId is not null && owner.VendorId != listed.Id))
            .ToList();
        if (orphans.Count == 0)
        {
            return;
        }

        // Only the grain's current activation may judge a code unclaimed. After a false death declaration a second
        // activation can live on another silo and place codes this one's state has never seen: the write fails on the
        // changed record first (and deactivates this one), so nothing it placed is deleted. The list was read before the
        // write, so a code placed after the write is not in it.
        await session.SaveIntentAsync();
        foreach (var listed in orphans)
        {
            await nuki.DeleteKeypadCodeAsync(session.Credentials.Token, lockId, listed.Id, cancellationToken);
        }
    }

    private static void Record(LockCodeSession session, LockCode code, NukiException exception)
    {
        switch (exception.Kind)
        {
            case NukiErrorKind.Unavailable or NukiErrorKind.Pending or NukiErrorKind.Unexpected:
                session.Retry(code, exception.Kind == NukiErrorKind.Pending ? "vendor.busy" : "vendor.unavailable");
                break;
            case NukiErrorKind.NotFound when code.VendorId is not null && code.Wanted:
                // The code was removed at the lock between the read and the write: the next pass puts it back.
                code.VendorId = null;
                code.CreateSentAt = null;
                code.WriteSentAt = null;
                session.Retry(code, "accesscode.missing");
                break;
            case NukiErrorKind.InvalidCredentials or NukiErrorKind.Forbidden:
                session.Reject(code, "integration.unauthorized");
                break;
            case NukiErrorKind.NotFound:
                session.Reject(code, "smartlock.not_found");
                break;
            case NukiErrorKind.Unprocessable when code.Wanted && FreeingSlots(session):
                // The lock counts codes whose deletion is still on its way: room comes back in a moment.
                session.Retry(code, "smartlock.full");
                break;
            case NukiErrorKind.Unprocessable:
                session.Reject(code, "smartlock.full");
                break;
            case NukiErrorKind.AccountRestricted:
                session.Reject(code, "integration.restricted");
                break;
            default:
                session.Reject(code, "smartlock.rejected");
                break;
        }
    }

    private static bool FreeingSlots(LockCodeSession session) =>
        session.Lock.Codes.Any(other => other.Status == AccessCodeStatus.Revoking
            || (other.Status == AccessCodeStatus.Revoked && session.Now - other.UpdatedAt < session.Options.CreateConfirmGrace));

    private static bool SameWindow(NukiKeypadCode listed, LockCode code) =>
        listed.AllowedFrom is { } from && listed.AllowedUntil is { } to
        && (from - code.ValidFrom).Duration() < WindowTolerance
        && (to - code.ValidTo).Duration() < WindowTolerance;

    public static long LockId(string externalId) => long.Parse(externalId, CultureInfo.InvariantCulture);

    public static string LockStateName(int? state) => state switch
    {
        1 => "locked",
        2 => "unlocking",
        3 or 6 => "unlocked",
        4 => "locking",
        5 => "unlatched",
        7 => "unlatching",
        254 => "jammed",
        _ => "unknown",
    };

    public static string DoorStateName(int? state) => state switch
    {
        2 => "closed",
        3 => "open",
        _ => "unknown",
    };
}
