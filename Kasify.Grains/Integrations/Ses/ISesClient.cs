namespace Kasify.Grains.Integrations.Ses;

/// <summary>
/// The SES.HOSPEDAJES web service. Creates and cancellations are only queued: keep the returned lot and poll it with
/// <see cref="QueryLotsAsync"/>. Failures throw <see cref="SesException"/>; invalid input throws
/// <see cref="SesValidationException"/> before anything is sent.
/// </summary>
public interface ISesClient
{
    /// <summary>Sends a guest register (<c>PV</c>); returns the queued lot.</summary>
    Task<SesSubmission> SendGuestRegisterAsync(SesAccount account, SesGuestRegister register, CancellationToken cancellationToken = default);

    /// <summary>Sends a booking report (<c>RH</c>); returns the queued lot.</summary>
    Task<SesSubmission> SendBookingReportAsync(SesAccount account, SesBookingReport report, CancellationToken cancellationToken = default);

    /// <summary>Cancels stored communications by their codes (operation B); returns the queued lot.</summary>
    Task<SesSubmission> CancelCommunicationsAsync(SesAccount account, IReadOnlyList<string> communicationCodes, CancellationToken cancellationToken = default);

    /// <summary>The status of up to <see cref="SesLimits.MaxLotsPerQuery"/> lots; unknown lots are missing from the answer.</summary>
    Task<IReadOnlyList<SesLot>> QueryLotsAsync(SesAccount account, IReadOnlyList<string> lots, CancellationToken cancellationToken = default);

    /// <summary>Cancels every communication of one lot.</summary>
    Task CancelLotAsync(SesAccount account, string lot, CancellationToken cancellationToken = default);

    /// <summary>A code table, such as <c>TIPO_DOCUMENTO</c>; an empty name lists the tables.</summary>
    Task<IReadOnlyList<SesCatalogEntry>> GetCatalogAsync(SesAccount account, string table, CancellationToken cancellationToken = default);
}
