using Kasify.Api.Json;
using Kasify.Api.Validation;

namespace Kasify.Api.Tests.BadInput;

/// <summary>The text rules on their own: which characters names and free text may hold, and how query strings are read.</summary>
public sealed class WireTextRulesTests
{
    [Theory]
    [InlineData("Casa Azul", true, true)]
    [InlineData("Señora Müller 🏡", true, true)]
    [InlineData("a\tb", false, true)]
    [InlineData("line\nbreak", false, true)]
    [InlineData("windows\r\nbreak", false, true)]
    [InlineData("lone\rreturn", false, false)]
    [InlineData("ends in\r", false, false)]
    [InlineData("nul\0", false, false)]
    [InlineData("escape\u001b", false, false)]
    [InlineData("delete\u007f", false, false)]
    [InlineData("next line\u0085", false, false)]
    [InlineData("c1\u009f", false, false)]
    [InlineData("nbsp\u00a0is text", true, true)]
    public void NamesHoldNoControlCharactersAndFreeTextOnlyTabsAndLineBreaks(string text, bool name, bool freeText)
    {
        Assert.Equal(name, WireText.IsValid(text, freeText: false));
        Assert.Equal(freeText, WireText.IsValid(text, freeText: true));
    }

    // Built here rather than given as theory data, which would not carry a lone surrogate through intact.
    [Fact]
    public void LoneSurrogatesAreNeverText()
    {
        string[] texts = ["\ud800", "low\udc00first", "reversed\udc00\ud800", "ends high\ud83d"];

        Assert.All(texts, text => Assert.False(WireText.IsValid(text, freeText: false) || WireText.IsValid(text, freeText: true)));
    }

    [Theory]
    [InlineData("?q=Espa%C3%B1a&page=2", new string[0])]
    [InlineData("?q=Casa+Azul&100%", new string[0])]
    [InlineData("?q=a%00b", new[] { "q" })]
    [InlineData("?q=a%FFb&size=1", new[] { "q" })]
    [InlineData("?q=%ED%A0%80&query=%C2%85", new[] { "q", "query" })]
    [InlineData("?%FF=1", new[] { "query" })]
    public void QueryStringsAreDecodedStrictlyAndCheckedParameterByParameter(string query, string[] refused)
    {
        Assert.Equal(refused.Order(), QueryText.Check(query).Keys.Order());
    }
}
