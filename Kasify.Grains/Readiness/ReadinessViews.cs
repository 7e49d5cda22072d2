using Kasify.Grains.Interfaces.SmartLocks;

namespace Kasify.Grains.Readiness;

/// <summary>Wire names the readiness view stores as text.</summary>
internal static class ReadinessViews
{
    public static string CodeStatus(AccessCodeStatus status) => status switch
    {
        AccessCodeStatus.Pending => "pending",
        AccessCodeStatus.Active => "active",
        AccessCodeStatus.Revoking => "revoking",
        AccessCodeStatus.Revoked => "revoked",
        _ => "failed",
    };
}
