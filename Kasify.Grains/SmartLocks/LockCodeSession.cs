using System.Text;
using Kasify.Grains.Interfaces.Integrations;
using Kasify.Grains.Interfaces.SmartLocks;
using Kasify.Grains.Security;

namespace Kasify.Grains.SmartLocks;

/// <summary>
/// One pass of a lock grain over its codes: the credentials, the clock, the lock's state, the PINs (decrypted on
/// demand) and the ways a code's outcome is recorded. <see cref="SaveIntentAsync"/> stores the grain's state, for
/// drivers that must record an intent before an unrepeatable vendor call.
/// </summary>
internal sealed class LockCodeSession(
    Guid smartLockId,
    SmartLockState lockState,
    IntegrationCredentials credentials,
    DateTimeOffset now,
    SmartLockOptions options,
    ISecretProtector protector,
    Func<Task> saveIntent)
{
    public SmartLockState Lock => lockState;

    public IntegrationCredentials Credentials => credentials;

    public DateTimeOffset Now => now;

    public SmartLockOptions Options => options;

    public Task SaveIntentAsync() => saveIntent();

    public string ReadPin(LockCode code) => ReadPin(protector, smartLockId, code);

    public void WritePin(LockCode code, string pin) => WritePin(protector, smartLockId, code, pin);

    /// <summary>The code's PIN in clear ("" before one was chosen).</summary>
    public static string ReadPin(ISecretProtector protector, Guid smartLockId, LockCode code) =>
        code.ProtectedPin.Length == 0 ? "" : Encoding.UTF8.GetString(protector.Unprotect(code.ProtectedPin, AssociatedData(smartLockId, code.Id)));

    /// <summary>Stores the code's PIN encrypted, bound to this lock and code.</summary>
    public static void WritePin(ISecretProtector protector, Guid smartLockId, LockCode code, string pin) =>
        code.ProtectedPin = protector.Protect(Encoding.UTF8.GetBytes(pin), AssociatedData(smartLockId, code.Id));

    /// <summary>The PINs of the lock's live codes other than <paramref name="except"/>.</summary>
    public HashSet<string> LivePins(LockCode? except = null) =>
        [.. lockState.Codes.Where(code => code.Wanted && code != except).Select(ReadPin).Where(pin => pin.Length > 0)];

    /// <summary>The vendor now matches what is wanted.</summary>
    public void Done(LockCode code, AccessCodeStatus status)
    {
        code.Status = status;
        code.Attempts = 0;
        code.NextAttemptAt = null;
        code.LastError = null;
        code.UpdatedAt = now;
    }

    /// <summary>Nothing failed, but the vendor has to be read again after <paramref name="delay"/> (asynchronous writes).</summary>
    public void CheckAgain(LockCode code, TimeSpan delay)
    {
        code.NextAttemptAt = now + delay;
        code.UpdatedAt = now;
    }

    /// <summary>A failure that may pass (vendor down, busy, lock offline): try again with exponential backoff.</summary>
    public void Retry(LockCode code, string error)
    {
        code.Attempts++;
        var exponent = Math.Min(code.Attempts - 1, 16);
        var delay = TimeSpan.FromTicks(Math.Min(options.RetryBaseDelay.Ticks * (1L << exponent), options.RetryMaxDelay.Ticks));
        code.NextAttemptAt = now + delay;
        code.LastError = error;
        code.UpdatedAt = now;
    }

    /// <summary>
    /// A refusal that will not pass by itself. A code that should be placed fails; a revocation keeps being retried
    /// slowly until the window ends, after which the code cannot open the lock anyway.
    /// </summary>
    public void Reject(LockCode code, string error)
    {
        code.LastError = error;
        code.UpdatedAt = now;
        if (code.Wanted)
        {
            code.Wanted = false;
            code.Status = AccessCodeStatus.Failed;
            code.NextAttemptAt = null;
        }
        else if (code.ValidTo <= now)
        {
            code.Status = AccessCodeStatus.Failed;
            code.NextAttemptAt = null;
        }
        else
        {
            code.Attempts++;
            code.NextAttemptAt = now + options.RetryMaxDelay;
        }
    }

    public static byte[] AssociatedData(Guid smartLockId, Guid codeId) => Encoding.UTF8.GetBytes($"accesscode:{smartLockId}:{codeId}");
}
