using System.Globalization;
using System.Text;

namespace Kasify.Fakes.Channels;

/// <summary>RFC 5545 content lines: TEXT escaping, value formats, and folding at 75 octets with CRLF.</summary>
internal static class ICalendarText
{
    /// <summary>The longest content line RFC 5545 §3.1 allows, in octets, not counting the CRLF.</summary>
    public const int MaxLineOctets = 75;

    public const string LineBreak = "\r\n";

    /// <summary>Appends one content line, folded so no physical line exceeds 75 octets and no UTF-8 sequence is split.</summary>
    public static void AppendLine(StringBuilder calendar, string line)
    {
        Span<char> utf16 = stackalloc char[2];
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            if (octets + rune.Utf8SequenceLength > MaxLineOctets)
            {
                // The leading space of a continuation line counts towards its 75 octets.
                calendar.Append(LineBreak).Append(' ');
                octets = 1;
            }

            calendar.Append(utf16[..rune.EncodeToUtf16(utf16)]);
            octets += rune.Utf8SequenceLength;
        }

        calendar.Append(LineBreak);
    }

    /// <summary>Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines.</summary>
    public static string EscapeText(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '\\':
                    escaped.Append(@"\\");
                    break;
                case ';':
                    escaped.Append(@"\;");
                    break;
                case ',':
                    escaped.Append(@"\,");
                    break;
                case '\r' when i + 1 < value.Length && value[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    escaped.Append(@"\n");
                    break;
                default:
                    escaped.Append(value[i]);
                    break;
            }
        }

        return escaped.ToString();
    }

    public static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string LocalDateTime(DateTime local) => local.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    public static string UtcDateTime(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A UTC-OFFSET value (RFC 5545 §3.3.14): <c>+0100</c>, seconds only when present.</summary>
    public static string Offset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var value = offset.Duration();
        var text = string.Create(CultureInfo.InvariantCulture, $"{sign}{value.Hours:00}{value.Minutes:00}");
        return value.Seconds == 0 ? text : text + value.Seconds.ToString("00", CultureInfo.InvariantCulture);
    }
}
