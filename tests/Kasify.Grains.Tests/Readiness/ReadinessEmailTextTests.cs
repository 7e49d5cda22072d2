using Kasify.Grains.Crew;
using Kasify.Grains.Interfaces.Readiness;
using Kasify.Grains.Readiness;

namespace Kasify.Grains.Tests.Readiness;

public sealed class ReadinessEmailTextTests
{
    private static readonly ReadinessMail Mail = new(
        Guid.NewGuid(), Guid.NewGuid(), "Casa Azul", Guid.NewGuid(), Guid.NewGuid(), new DateTimeOffset(2031, 3, 1, 14, 0, 0, TimeSpan.Zero),
        "2031-03-01 15:00", ReadinessCheckKind.LockBattery, "Front Door", "Back Door", new DateTimeOffset(2031, 2, 27, 14, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TheEnglishEmailNamesTheLockTheArrivalAndTheBackupLock()
    {
        var message = ReadinessEmailText.Compose(Mail, "owner@example.com", "en", new InvitationEmailOptions());

        Assert.Equal("Arrival at Casa Azul on 2031-03-01 15:00 at risk: the battery of Front Door is critical", message.Subject);
        Assert.Contains("asked for on Back Door as a backup", message.TextBody, StringComparison.Ordinal);
        Assert.Equal($"{Mail.MailId:N}@kasify", message.MessageId);
    }

    [Fact]
    public void TheSpanishEmailIsWrittenForSpanishLocalesAndSaysWhenThereIsNoBackup()
    {
        var message = ReadinessEmailText.Compose(
            Mail with { Kind = ReadinessCheckKind.LockOnline, BackupSmartLockName = null }, "owner@example.com", "es-ES", new InvitationEmailOptions());

        Assert.Equal("Llegada a Casa Azul el 2031-03-01 15:00 en riesgo: Front Door está desconectada", message.Subject);
        Assert.Contains("no hay código de respaldo", message.TextBody, StringComparison.Ordinal);
    }
}
