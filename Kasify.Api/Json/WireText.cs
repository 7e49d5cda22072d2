namespace Kasify.Api.Json;

/// <summary>
/// What text on the wire may hold. Names, codes, ids and secrets hold no control characters at all (C0, DEL, C1); free
/// text (notes, reports, requests) may also break lines and hold tabs. No text holds a lone surrogate: it cannot be
/// written as UTF-8, and SES communications, which are XML 1.0, cannot carry control characters either.
/// </summary>
internal static class WireText
{
    /// <summary>The field error for text that breaks the rules.</summary>
    public const string Message = "Not valid text: control characters, lone surrogates and invalid UTF-8 are refused.";

    /// <summary>The field error for free text that breaks the rules.</summary>
    public const string FreeTextMessage = "Not valid text: of the control characters only tab and line breaks are accepted; lone surrogates and invalid UTF-8 are refused.";

    /// <summary>Whether <paramref name="text"/> follows the rules; free text may hold tab, LF, and CR when an LF follows it.</summary>
    public static bool IsValid(ReadOnlySpan<char> text, bool freeText)
    {
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (char.IsHighSurrogate(character) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
            }
            else if (char.IsSurrogate(character) || (IsControl(character) && !(freeText && IsLineBreakOrTab(text, index))))
            {
                return false;
            }
        }

        return true;
    }

    // C0 (U+0000-U+001F), DEL (U+007F) and C1 (U+0080-U+009F).
    private static bool IsControl(char character) => character < ' ' || character is >= '\u007F' and <= '\u009F';

    private static bool IsLineBreakOrTab(ReadOnlySpan<char> text, int index) => text[index] switch
    {
        '\t' or '\n' => true,
        '\r' => index + 1 < text.Length && text[index + 1] == '\n',
        _ => false,
    };
}
