using Kasify.Fakes.UniFi;
using Kasify.Grains.Integrations.UniFi;

namespace Kasify.Grains.Tests.Integrations.UniFi;

/// <summary>UniFi PINs follow the site's length and are unique; the fake console enforces the same rules.</summary>
public sealed class UniFiPinRulesTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(8)]
    public void GeneratedPinsHaveTheSiteLengthAndOnlyDigits(int length)
    {
        var pins = Enumerable.Range(0, 200).Select(_ => UniFiPinRules.Generate(length)).ToList();

        Assert.All(pins, pin => Assert.True(UniFiPinRules.IsValid(pin, length), pin));
        Assert.True(pins.Distinct().Count() > 150, "PINs should be random");
    }

    [Fact]
    public void GeneratedPinsAvoidTakenOnes()
    {
        var taken = Enumerable.Range(0, 10_000).Where(n => n != 4711).Select(n => n.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

        Assert.Equal("4711", UniFiPinRules.Generate(4, taken));
    }

    [Theory]
    [InlineData("1234", 4, true)]
    [InlineData("123456", 6, true)]
    [InlineData("12345678", 8, true)]
    [InlineData("12345", 6, false)]
    [InlineData("1234567", 6, false)]
    [InlineData("12a456", 6, false)]
    [InlineData("١٢٣٤٥٦", 6, false)]
    [InlineData("12345", null, true)]
    [InlineData("123", null, false)]
    [InlineData("123456789", null, false)]
    [InlineData(null, 6, false)]
    public void APinMustMatchTheSiteLength(string? pin, int? siteLength, bool valid)
    {
        Assert.Equal(valid, UniFiPinRules.IsValid(pin, siteLength));
    }

    [Fact]
    public void LengthsOutsideTheConsolesRangeCannotBeGenerated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UniFiPinRules.Generate(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => UniFiPinRules.Generate(9));
    }

    [Fact]
    public void TheFakeConsoleEnforcesTheSiteLengthAndSiteWideUniqueness()
    {
        var console = new UniFiFakeConsole().SeedDefaults();
        var first = console.CreateVisitor("A", "B", "Others", 1, 2, [UniFiFakeSeed.MainDoorId]).Value!;
        var second = console.CreateVisitor("C", "D", "Others", 1, 2, [UniFiFakeSeed.ApartmentDoorId]).Value!;

        Assert.Null(console.AssignPin(first.Id, "111111"));
        Assert.Equal(UniFiFakeError.PinExists, console.AssignPin(second.Id, "111111"));
        Assert.Equal(UniFiFakeError.PinLengthInvalid, console.AssignPin(second.Id, "1111"));
        Assert.Null(console.AssignPin(first.Id, "111111"));

        console.PinLength = null;
        Assert.Null(console.AssignPin(second.Id, "2222"));
        Assert.Equal(UniFiFakeError.PinLengthInvalid, console.AssignPin(second.Id, "222"));

        Assert.Null(console.DeleteVisitor(first.Id, force: false));
        Assert.True(console.Visitor(first.Id)!.Cancelled);
        Assert.Null(console.DeleteVisitor(first.Id, force: true));
        Assert.Null(console.AssignPin(second.Id, "111111"));
    }
}
