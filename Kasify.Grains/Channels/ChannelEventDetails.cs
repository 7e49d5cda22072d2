using System.Text;
using System.Text.RegularExpressions;

namespace Kasify.Grains.Channels;

/// <summary>
/// The reservation code and notes a channel puts in an event's DESCRIPTION. Guests' phone numbers must not travel
/// into Kasify: at most their last four digits are kept.
/// </summary>
internal static partial class ChannelEventDetails
{
    public const int MaxNotes = 500;
    public const int MaxSummary = 200;

    internal sealed record Details(string? ReservationCode, string? Notes);

    public static Details Read(string? description, ChannelFeedKind channel, ChannelEventKind kind)
    {
        if (kind == ChannelEventKind.Closure || string.IsNullOrWhiteSpace(description))
        {
            return new Details(null, null);
        }

        return channel == ChannelFeedKind.Airbnb && AirbnbReservationUrl().Match(description) is { Success: true } url
            ? ReadAirbnb(description, url)
            : ReadLabelled(description);
    }

    public static string? CleanSummary(string? summary)
    {
        var clean = Clip(StripControl(summary ?? "").Trim(), MaxSummary);
        return clean.Length == 0 ? null : clean;
    }

    // Airbnb's DESCRIPTION is "Reservation URL: …/details/HMXXXXXXXX" plus "Phone Number (Last 4 Digits): 1234".
    // The notes are rebuilt from those two facts rather than copied, so nothing else in the text can leak through.
    private static Details ReadAirbnb(string description, Match url)
    {
        var code = url.Groups["code"].Value.ToUpperInvariant();
        var notes = new StringBuilder("Airbnb reservation ").Append(url.Value);
        if (AirbnbPhoneLine().Match(description) is { Success: true } phone)
        {
            var digits = DigitsOf(phone.Groups["digits"].Value);
            notes.Append("; phone ending ").Append(digits[^4..]);
        }

        return new Details(code, Clip(notes.ToString(), MaxNotes));
    }

    private static Details ReadLabelled(string description)
    {
        string? code = null;
        var kept = new List<string>();
        foreach (var rawLine in description.Split('\n'))
        {
            var line = StripControl(rawLine).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (code is null && ReservationLabel().Match(line) is { Success: true } label)
            {
                code = label.Groups["code"].Value;
                continue;
            }

            kept.Add(MaskPhones(line));
        }

        var notes = Clip(string.Join("; ", kept), MaxNotes);
        return new Details(code, notes.Length == 0 ? null : notes);
    }

    // Dates (2026-03-10) look like long digit runs but are harmless; everything else with seven or more digits is
    // treated as a phone number and reduced to its last four.
    private static string MaskPhones(string line) =>
        PhoneOrDate().Replace(line, match =>
        {
            if (match.Groups["date"].Success)
            {
                return match.Value;
            }

            return $"phone ending {DigitsOf(match.Value)[^4..]}";
        });

    private static string DigitsOf(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    private static string StripControl(string text) => new(text.Where(c => !char.IsControl(c)).ToArray());

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd();

    [GeneratedRegex(@"https?://[^\s/]*airbnb\.[^\s/]+/hosting/reservations/details/(?<code>[A-Za-z0-9]{6,20})", RegexOptions.IgnoreCase)]
    private static partial Regex AirbnbReservationUrl();

    [GeneratedRegex(@"Phone Number[^:\n]*:[ \t]*\+?(?<digits>\d(?:[ .()-]?\d){3,})", RegexOptions.IgnoreCase)]
    private static partial Regex AirbnbPhoneLine();

    [GeneratedRegex(@"^(?:Reservation|Booking|Confirmation)\s*(?:ID|Number|No\.?|Code|#)\s*[:#]?\s*(?<code>[A-Za-z0-9][A-Za-z0-9-]{2,39})\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReservationLabel();

    [GeneratedRegex(@"(?<date>\b\d{4}-\d{2}-\d{2}\b)|(?<phone>\+?\d(?:[ .()/-]{0,2}\d){6,})")]
    private static partial Regex PhoneOrDate();
}
