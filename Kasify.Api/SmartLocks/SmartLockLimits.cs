namespace Kasify.Api.SmartLocks;

/// <summary>Field lengths of smart lock bodies.</summary>
internal static class SmartLockLimits
{
    public const int NameLength = 100;
    public const int ExternalIdLength = 200;
}
