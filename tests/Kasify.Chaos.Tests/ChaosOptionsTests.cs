using Kasify.Chaos.Options;

namespace Kasify.Chaos.Tests;

/// <summary>The run's command line: the UniFi share of the locks and the per-integration device limit.</summary>
public sealed class ChaosOptionsTests
{
    [Fact]
    public void ATenthOfTheLocksAreUniFiDoorsUnlessToldOtherwise()
    {
        Assert.Equal(100, ChaosOptions.Parse([]).UniFiLockCount);
        Assert.Equal(3, ChaosOptions.Parse(["--properties", "10", "--locks", "30"]).UniFiLockCount);
        Assert.Equal(0, ChaosOptions.Parse(["--unifi-locks", "0"]).UniFiLockCount);
        Assert.Equal(40, ChaosOptions.Parse(["--unifi-locks", "40", "--unifi-latency-ms", "20", "--unifi-error-rate", "0.1"]).UniFiLockCount);
    }

    [Theory]
    [InlineData("--unifi-locks", "1001")]
    [InlineData("--unifi-locks", "-1")]
    [InlineData("--unifi-error-rate", "1.5")]
    [InlineData("--unifi-latency-ms", "soon")]
    public void ABadUniFiSettingIsRefusedWithItsName(string name, string value)
    {
        var refusal = Assert.Throws<ArgumentException>(() => ChaosOptions.Parse([name, value]));
        Assert.Contains(name.StartsWith("--unifi-error", StringComparison.Ordinal) ? "error rates" : name, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreThan500DevicesOfOneVendorPerAccountAreRefusedUpFront()
    {
        // 1,500 UniFi doors over 2 accounts is 750 per console integration; Kasify keeps 500.
        var refusal = Assert.Throws<ArgumentException>(() => ChaosOptions.Parse(["--accounts", "2", "--locks", "1600", "--unifi-locks", "1500"]));
        Assert.Contains("500", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(1500, ChaosOptions.Parse(["--accounts", "3", "--locks", "1600", "--unifi-locks", "1500"]).UniFiLockCount);
    }
}
