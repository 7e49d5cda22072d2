using Kasify.Grains.Integrations.Ses;
using Kasify.Grains.Interfaces.Bookings;
using Kasify.Grains.Interfaces.SesReporting;
using Kasify.Grains.SesReporting;
using Kasify.Grains.Tests.Bookings;
using Kasify.Grains.Tests.CheckIn;

namespace Kasify.Grains.Tests.SesReporting;

/// <summary>Backoff, error classes and the masking of what the Ministry says about guests.</summary>
public sealed class SesReportingRulesTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(4, 80)]
    [InlineData(9, 300)]
    [InlineData(60, 300)]
    public void BackoffDoublesFromTheFirstWaitUpToTheMaximum(int attempt, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SesReportingRules.Backoff(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5), attempt));

    [Theory]
    [InlineData(SesErrorCode.Unavailable, false)]
    [InlineData(SesErrorCode.InvalidCredentials, false)]
    [InlineData(SesErrorCode.WebServiceDisabled, false)]
    [InlineData(SesErrorCode.UnknownArrendador, false)]
    [InlineData(SesErrorCode.Validation, true)]
    [InlineData(SesErrorCode.XmlFormat, true)]
    [InlineData(SesErrorCode.RequiredField, true)]
    public void OnlyRefusalsOfTheContentNeedNewData(SesErrorCode code, bool needsNewData) =>
        Assert.Equal(needsNewData, SesReportingRules.NeedsNewData(new SesException(code, "refused")));

    [Fact]
    public void ErrorCodesNameTheMinistryCodeOrTheTransportTrouble()
    {
        Assert.Equal("ses.10121", SesReportingRules.ErrorCodeOf(SesException.FromMinistry(10121, "Error de validación")));
        Assert.Equal("integration.unauthorized", SesReportingRules.ErrorCodeOf(new SesException(SesErrorCode.InvalidCredentials, "401")));
        Assert.Equal("integration.unreachable", SesReportingRules.ErrorCodeOf(new SesException(SesErrorCode.Unavailable, "503")));
    }

    [Fact]
    public void TextsKeepOnlyMaskedDocumentNumbersAndAStorableLength()
    {
        var guest = GuestRulesTests.Validate(GuestRulesTests.SpanishAdult());
        var source = new BookingSesSource(
            BookingRulesTests.Stay("2030-02-01", "2030-02-03"), DateTimeOffset.UnixEpoch, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, [], Unsettled: false, new PropertySesFacts(Guid.NewGuid(), new PropertySchedule("UTC", default, default), "1", null, null));
        var content = new SesContent(Guid.NewGuid(), source, new PropertySesFacts(Guid.NewGuid(), new PropertySchedule("UTC", default, default), "1", null, null), [guest]);

        var masked = SesReportingRules.Mask("Lucía: número de documento 12345678z no válido", content);

        Assert.Equal("Lucía: número de documento *****78Z no válido", masked);
        var record = new SesCommunicationRecord();
        SesReportingRules.SetError(record, "ses.refused", new string('x', 2000));
        Assert.Equal(("ses.refused", 500), (record.ErrorCode, record.Error!.Length));
    }

    [Theory]
    [InlineData(SesStatus.Pending, true)]
    [InlineData(SesStatus.Incomplete, true)]
    [InlineData(SesStatus.Rejected, true)]
    [InlineData(SesStatus.Submitted, false)]
    [InlineData(SesStatus.Accepted, false)]
    [InlineData(SesStatus.Cancelled, false)]
    public void CommunicationsWaitingForDataCountTowardsTheDeadlineWarning(SesStatus status, bool unsent)
    {
        Assert.Equal(unsent, SesReportingRules.IsUnsent(new SesCommunicationRecord { Status = status }));
        Assert.False(SesReportingRules.IsUnsent(new SesCommunicationRecord { Status = status, DeadlineWarnedAt = DateTimeOffset.UnixEpoch }));
    }

    [Fact]
    public void TheFeedNamesTheMissingFieldsButNoGuestData()
    {
        var source = new BookingSesSource(
            BookingRulesTests.Stay("2030-02-01", "2030-02-03"), DateTimeOffset.UnixEpoch, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, [], Unsettled: false, new PropertySesFacts(Guid.NewGuid(), new PropertySchedule("UTC", default, default), "1", null, null));
        var record = new SesCommunicationRecord { Kind = SesCommunicationKind.BookingReport, Status = SesStatus.Incomplete, MissingFields = ["guest_email", "guest_phone"] };

        var summary = SesReportingRules.IncompleteSummary(record, source);

        Assert.Contains("booking report (RH)", summary, StringComparison.Ordinal);
        Assert.Contains("guest_email, guest_phone", summary, StringComparison.Ordinal);
        Assert.Contains("2030-02-01", summary, StringComparison.Ordinal);
        foreach (var personal in new[] { "Ana", "García", "ana@example.org", "600" })
        {
            Assert.DoesNotContain(personal, summary, StringComparison.Ordinal);
        }

        Assert.Equal("last error: ses.refused", SesReportingRules.Obstacle(new SesCommunicationRecord { Status = SesStatus.Rejected, ErrorCode = "ses.refused" }));
    }

    [Fact]
    public void TheNextRunIsTheEarliestSendQueryOrDeadlineWarningAndNoneWhenNothingIsOwed()
    {
        var now = new DateTimeOffset(2030, 5, 1, 10, 0, 0, TimeSpan.Zero);
        var warnAfter = TimeSpan.FromHours(20);
        var submitted = new SesCommunicationRecord { Status = SesStatus.Submitted, TriggeredAt = now, NextActionAt = now.AddMinutes(30) };
        var accepted = new SesCommunicationRecord { Status = SesStatus.Accepted, TriggeredAt = now.AddDays(-3) };
        var incomplete = new SesCommunicationRecord { Status = SesStatus.Incomplete, TriggeredAt = now.AddHours(-19.75) };

        Assert.Null(SesReportingRules.NextDue([accepted], now, warnAfter));
        Assert.Equal(now.AddMinutes(30), SesReportingRules.NextDue([submitted, accepted], now, warnAfter));
        Assert.Equal(now.AddMinutes(15), SesReportingRules.NextDue([submitted, incomplete], now, warnAfter));
        Assert.Equal(now, SesReportingRules.NextDue([new SesCommunicationRecord { Status = SesStatus.Pending, TriggeredAt = now }], now, warnAfter));
    }

    [Fact]
    public void ASubmittedCommunicationWaitsForItsLotAndForgetsItsLastError()
    {
        var now = new DateTimeOffset(2030, 5, 1, 10, 0, 0, TimeSpan.Zero);
        var record = new SesCommunicationRecord { Status = SesStatus.Pending, Sending = true, Polls = 4, ErrorCode = "integration.unreachable", Error = "timeout" };

        SesReportingRules.MarkSubmitted(record, "LOT-1", now, TimeSpan.FromMinutes(2));

        Assert.Equal((SesStatus.Submitted, "LOT-1", false, 0), (record.Status, record.Lot, record.Sending, record.Polls));
        Assert.Equal(now.AddMinutes(2), record.NextActionAt);
        Assert.Null(record.ErrorCode);
        Assert.Null(record.Error);
    }

    [Fact]
    public void ACommunicationLeftOnTheWireByAnotherActivationWaitsForThatSendsTimeout()
    {
        var sentAt = new DateTimeOffset(2030, 5, 1, 10, 0, 0, TimeSpan.Zero);
        var timeout = TimeSpan.FromSeconds(90);
        var onTheWire = new SesCommunicationRecord { Status = SesStatus.Pending, Sending = true, LastAttemptAt = sentAt };

        Assert.Equal(sentAt + timeout, SesReportingRules.InDoubtUntil(onTheWire, sentAt.AddSeconds(5), timeout));
        Assert.Equal(sentAt + timeout, SesReportingRules.InDoubtUntil(onTheWire, sentAt.AddSeconds(89), timeout));
        Assert.Null(SesReportingRules.InDoubtUntil(onTheWire, sentAt + timeout, timeout));
        Assert.Null(SesReportingRules.InDoubtUntil(new SesCommunicationRecord { Status = SesStatus.Pending, LastAttemptAt = sentAt }, sentAt.AddSeconds(5), timeout));

        // Written by a version that stored no attempt time: nothing to wait for.
        Assert.Null(SesReportingRules.InDoubtUntil(new SesCommunicationRecord { Status = SesStatus.Pending, Sending = true }, sentAt, timeout));
    }
}
