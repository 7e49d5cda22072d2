using Kasify.Grains.Interfaces.SmartLocks;

namespace Kasify.Grains.Tests.SmartLocks;

/// <summary>Access codes in one line, for timeout and assertion messages.</summary>
internal static class AccessCodeText
{
    public static string Describe(BookingAccessCodes codes) =>
        $"codes [{string.Join("; ", codes.Codes.Select(Describe))}], failed [{string.Join("; ", codes.FailedSmartLocks.Select(f => $"{f.Name}: {f.Error}"))}]";

    public static string Describe(AccessCodeDto code) =>
        $"{code.SmartLockName} {code.Code} {code.Status} {code.ValidFrom:O}..{code.ValidTo:O} error={code.LastError ?? "-"}";
}
