namespace Kasify.Chaos.Verification;

/// <summary>
/// The correctness counts of a run; every one must be zero (<see cref="CheckedUniFiCodes"/>, <see cref="ExpiringCodes"/>,
/// <see cref="CheckinsComplete"/> and <see cref="CancelledCheckIns"/> say how much the UniFi, expiry and SES.HOSPEDAJES
/// checks covered). <see cref="Evidence"/> says, for each counted case, what was
/// acknowledged and what was read back.
/// </summary>
internal sealed record ChaosVerdict(
    int TrackedBookings,
    int CheckedCodes,
    int CheckedUniFiCodes,
    int LostBookingWrites,
    int LostTaskWrites,
    int MissingCodes,
    int RevokesNotApplied,
    int CodesNotSettled,
    int ActiveCodesNotOnDevice,
    int WrongWindowOrPin,
    int OrphanCodes,
    int DuplicatePins,
    int ServerErrors,
    int ExpiringCodes,
    int ExpiredCodesOnDevice,
    int ExpiringCodesRemovedEarly,
    int CheckinsComplete,
    int SesMissing,
    int SesDuplicates,
    int CancelledCheckIns,
    int SesCancellationsMissing,
    int SesWrongCancellations,
    IReadOnlyList<string> Evidence)
{
    public bool Passed =>
        LostBookingWrites + LostTaskWrites + MissingCodes + RevokesNotApplied + CodesNotSettled + ActiveCodesNotOnDevice + WrongWindowOrPin + OrphanCodes
        + DuplicatePins + ServerErrors + ExpiredCodesOnDevice + ExpiringCodesRemovedEarly + SesMissing + SesDuplicates
        + SesCancellationsMissing + SesWrongCancellations == 0;

    public IEnumerable<(string Name, int Count)> Counts =>
    [
        ("lost booking writes (acknowledged create/move/cancel not read back)", LostBookingWrites),
        ("lost task writes (acknowledged start/complete not read back)", LostTaskWrites),
        ("acknowledged codes missing (not pending/active, never revoked)", MissingCodes),
        ("acknowledged revokes not applied (code still live)", RevokesNotApplied),
        ("codes still pending/revoking after the settle time", CodesNotSettled),
        ("active codes not on their device", ActiveCodesNotOnDevice),
        ("active codes on the device with another window", WrongWindowOrPin),
        ("orphan codes on devices (not active in Kasify)", OrphanCodes),
        ("duplicate PINs on a device", DuplicatePins),
        ("server errors (5xx other than 503/504)", ServerErrors),
        ("expired codes still on a device after the settle time", ExpiredCodesOnDevice),
        ("expiring codes removed from the device before their window ended", ExpiringCodesRemovedEarly),
        ("ses missing (RH of a check-in booking, or PV of an acknowledged check-in, not received)", SesMissing),
        ("ses duplicates (a communication or cancellation received more than once)", SesDuplicates),
        ("ses cancellations missing (a stored report of a booking that reads cancelled, never cancelled)", SesCancellationsMissing),
        ("ses wrong cancellations (a report of a booking that does not read cancelled, cancelled)", SesWrongCancellations),
    ];
}
