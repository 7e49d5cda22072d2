using Kasify.Grains.Interfaces.SmartLocks;

namespace Kasify.Api.AccessCodes;

/// <summary>A booking's codes across its property's locks, and the locks that could not take one (<c>failed_smartlocks</c>).</summary>
internal sealed record AccessCodesResponse(
    Guid BookingId,
    IReadOnlyList<AccessCodeResponse> Codes,
    IReadOnlyList<FailedSmartlockResponse> FailedSmartlocks)
{
    public static AccessCodesResponse From(BookingAccessCodes codes) => new(
        codes.BookingId,
        [.. codes.Codes.Select(AccessCodeResponse.From)],
        [.. codes.FailedSmartLocks.Select(FailedSmartlockResponse.From)]);
}
