using Kasify.Grains.Integrations.Nuki;

namespace Kasify.Grains.Tests.Integrations.Nuki;

/// <summary>Nuki's keypad-code rules: six digits 1-9 not starting with 12, names up to 20 characters, 100 codes a lock.</summary>
public sealed class NukiCodeRulesTests
{
    [Theory]
    [InlineData(358946, true)]
    [InlineData(111111, true)]
    [InlineData(999999, true)]
    [InlineData(131111, true)]
    [InlineData(211111, true)]
    [InlineData(123456, false)]
    [InlineData(129999, false)]
    [InlineData(358906, false)]
    [InlineData(35894, false)]
    [InlineData(3589461, false)]
    [InlineData(0, false)]
    [InlineData(-358946, false)]
    public void CodesHaveSixDigitsOneToNineAndDoNotStartWithTwelve(int code, bool valid) =>
        Assert.Equal(valid, NukiCodeRules.IsValidCode(code));

    [Theory]
    [InlineData("BK-4711 Smith", true)]
    [InlineData("12345678901234567890", true)]
    [InlineData("123456789012345678901", false)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData(null, false)]
    public void NamesHaveOneToTwentyCharacters(string? name, bool valid) =>
        Assert.Equal(valid, NukiCodeRules.IsValidName(name));

    [Fact]
    public void GeneratedCodesAreValidAndSpreadOverAllDigits()
    {
        var codes = Enumerable.Range(0, 5000).Select(_ => NukiCodeRules.GenerateCode([])).ToList();

        Assert.All(codes, code => Assert.True(NukiCodeRules.IsValidCode(code), $"{code}"));
        Assert.True(codes.Distinct().Count() > 4900);
        var digits = string.Concat(codes).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal("123456789", string.Concat(digits.Keys.Order()));
        Assert.Contains(codes, c => c / 100000 == 1);
    }

    [Fact]
    public void AGeneratedCodeAvoidsTheLocksCodes()
    {
        var taken = Enumerable.Range(0, 99).Select(_ => NukiCodeRules.GenerateCode([])).ToHashSet();

        for (var i = 0; i < 1000; i++)
        {
            Assert.DoesNotContain(NukiCodeRules.GenerateCode(taken), taken);
        }
    }

    [Fact]
    public void AFullLockTakesNoMoreCodes()
    {
        var taken = Enumerable.Range(0, NukiCodeRules.MaxCodesPerLock).Select(i => 311111 + i).ToList();

        Assert.True(NukiCodeRules.HasRoom(99));
        Assert.False(NukiCodeRules.HasRoom(100));
        Assert.Throws<InvalidOperationException>(() => NukiCodeRules.GenerateCode(taken));
    }

    [Fact]
    public void RequestsBreakingARuleAreRejectedBeforeCallingTheVendor()
    {
        var from = new DateTimeOffset(2026, 7, 1, 13, 0, 0, TimeSpan.Zero);

        NukiCodeRules.Validate(new NukiKeypadCodeRequest("BK-1", 358946, from, from.AddDays(3)));
        NukiCodeRules.Validate(new NukiKeypadCodeRequest("BK-1", 358946, null, null));
        Assert.Equal(NukiErrorKind.InvalidRequest, Assert.Throws<NukiException>(() => NukiCodeRules.Validate(new NukiKeypadCodeRequest("BK-1", 123456, null, null))).Kind);
        Assert.Equal(NukiErrorKind.InvalidRequest, Assert.Throws<NukiException>(() => NukiCodeRules.Validate(new NukiKeypadCodeRequest(new string('x', 21), 358946, null, null))).Kind);
        Assert.Equal(NukiErrorKind.InvalidRequest, Assert.Throws<NukiException>(() => NukiCodeRules.Validate(new NukiKeypadCodeRequest("BK-1", 358946, from, from))).Kind);
    }
}
