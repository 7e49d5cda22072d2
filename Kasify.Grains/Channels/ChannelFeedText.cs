namespace Kasify.Grains.Channels;

/// <summary>
/// Checks on the raw text before Ical.Net sees it. Ical.Net forgives a lot (a missing END:VCALENDAR, an HTML page),
/// and a feed cut off mid-download would otherwise read as "these bookings are gone".
/// </summary>
internal static class ChannelFeedText
{
    /// <summary>The feed's unfolded content lines, or the problem that makes it unusable.</summary>
    internal sealed record Scan(IReadOnlyList<string> Lines, IReadOnlyList<string?> EventUids, ChannelFeedReadResult? Problem);

    public static Scan Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || string.IsNullOrWhiteSpace(text.Replace("\uFEFF", "")))
        {
            return Fail(ChannelFeedReadResult.EmptyBody, "The feed answered with an empty body.");
        }

        var lines = Unfold(text);
        var first = lines.FirstOrDefault(line => line.Length > 0) ?? "";
        if (!IsLine(first, "BEGIN:VCALENDAR"))
        {
            return Fail(ChannelFeedReadResult.NotCalendar, "The feed is not an iCalendar document (it does not start with BEGIN:VCALENDAR).");
        }

        var uids = new List<string?>();
        var depth = 0;
        var inEvent = false;
        string? uid = null;
        var end = -1;
        for (var index = 0; index < lines.Count && end < 0; index++)
        {
            var line = lines[index];
            if (line.StartsWith("BEGIN:", StringComparison.OrdinalIgnoreCase))
            {
                depth++;
                if (IsLine(line, "BEGIN:VEVENT"))
                {
                    if (inEvent)
                    {
                        return Fail(ChannelFeedReadResult.Truncated, "An event begins before the previous one ended.");
                    }

                    inEvent = true;
                    uid = null;
                }
            }
            else if (line.StartsWith("END:", StringComparison.OrdinalIgnoreCase))
            {
                depth--;
                if (IsLine(line, "END:VEVENT"))
                {
                    if (!inEvent)
                    {
                        return Fail(ChannelFeedReadResult.Unparsable, "An event ends that never began.");
                    }

                    inEvent = false;
                    uids.Add(uid);
                }
                else if (IsLine(line, "END:VCALENDAR"))
                {
                    if (inEvent)
                    {
                        return Fail(ChannelFeedReadResult.Truncated, "The calendar ends inside an event.");
                    }

                    end = index;
                }
            }
            else if (inEvent && depth == 2 && uid is null && IsProperty(line, "UID"))
            {
                var value = line[(line.IndexOf(':') + 1)..].Trim();
                uid = value.Length > 0 ? value : null;
            }
        }

        if (inEvent)
        {
            return Fail(ChannelFeedReadResult.Truncated, "The feed stops inside an event.");
        }

        if (end < 0)
        {
            return Fail(ChannelFeedReadResult.Truncated, "The feed stops before END:VCALENDAR.");
        }

        // Whatever follows END:VCALENDAR (a proxy's footer, a second calendar) is not part of the feed.
        return new Scan(lines.GetRange(0, end + 1), uids, null);
    }

    /// <summary>RFC 5545 3.1: a line starting with a space or tab continues the previous one. CRLF, LF and CR all end lines.</summary>
    private static List<string> Unfold(string text)
    {
        var raw = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var lines = new List<string>(raw.Length);
        foreach (var line in raw)
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && lines.Count > 0)
            {
                lines[^1] += WithoutControl(line[1..]);
            }
            else
            {
                lines.Add(WithoutControl(line).TrimEnd());
            }
        }

        return lines;
    }

    // Ical.Net refuses a whole calendar over one stray control character in a guest's text; RFC 5545 forbids them anyway.
    private static string WithoutControl(string line) =>
        line.Any(c => char.IsControl(c) && c != '\t') ? new string(line.Where(c => !char.IsControl(c) || c == '\t').ToArray()) : line;

    private static bool IsLine(string line, string expected) => line.Trim().Equals(expected, StringComparison.OrdinalIgnoreCase);

    private static bool IsProperty(string line, string name) =>
        line.Length > name.Length
        && line.StartsWith(name, StringComparison.OrdinalIgnoreCase)
        && (line[name.Length] == ':' || line[name.Length] == ';');

    private static Scan Fail(string code, string message) => new([], [], ChannelFeedReadResult.Problem(code, message));
}
