using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace Kasify.Hosting.Telemetry;

/// <summary>
/// Removes string grain keys from Orleans spans before they are exported. Kasify's string-keyed grains are keyed by
/// secrets and personal data (calendar export and public task tokens, invitation and check-in codes, access token
/// index keys, OIDC subjects), and Orleans puts grain ids into span attributes (<c>orleans.grain.id</c>,
/// <c>orleans.rpc.target_id</c>, directory addresses, …). GUID keys (with any compound extension) stay: they name
/// bookings, properties and locks, and are what a trace is searched by.
/// </summary>
internal sealed partial class GrainKeyRedactionProcessor : BaseProcessor<Activity>
{
    /// <summary>What a removed key is replaced with: <c>channelexporttoken/redacted</c>.</summary>
    public const string RedactedKey = "redacted";

    private const string OrleansSourcePrefix = "Microsoft.Orleans";

    // Orleans' attributes whose whole value is one grain id (its ActivityTagKeys, which Orleans keeps internal);
    // other attributes may mention ids in free text ("GrainId type/key, …", exception messages).
    private static readonly string[] GrainIdTags =
    [
        "orleans.grain.id",
        "orleans.rpc.target_id",
        "orleans.rpc.source_id",
        "orleans.durable_job.target_grain_id",
    ];

    public override void OnEnd(Activity data)
    {
        if (!data.Source.Name.StartsWith(OrleansSourcePrefix, StringComparison.Ordinal))
        {
            return;
        }

        List<(string Original, string Redacted)> ids = [];
        foreach (var tag in GrainIdTags)
        {
            if (data.GetTagItem(tag) is string id && Redact(id) is var redacted && redacted != id)
            {
                data.SetTag(tag, redacted);
                ids.Add((id, redacted));
            }
        }

        foreach (var (key, value) in data.TagObjects.ToList())
        {
            if (value is string text && Scrub(text, ids) is var scrubbed && scrubbed != text)
            {
                data.SetTag(key, scrubbed);
            }
        }

        if (data.StatusDescription is { } description && Scrub(description, ids) is var status && status != description)
        {
            data.SetStatus(data.Status, status);
        }
    }

    /// <summary>A grain id (<c>type/key</c>) with its key replaced by <see cref="RedactedKey"/> unless the key is a GUID.</summary>
    internal static string Redact(string grainId)
    {
        var slash = grainId.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || IsGuidKey(grainId.AsSpan(slash + 1)))
        {
            return grainId;
        }

        return string.Concat(grainId.AsSpan(0, slash + 1), RedactedKey);
    }

    private static string Scrub(string text, List<(string Original, string Redacted)> ids)
    {
        foreach (var (original, redacted) in ids)
        {
            text = text.Replace(original, redacted, StringComparison.Ordinal);
        }

        return MentionedGrainId().Replace(text, match => "GrainId " + Redact(match.Groups["id"].Value));
    }

    // Orleans writes GUID keys as 32 lowercase hex digits ("N"), a compound key's extension after a '+'.
    private static bool IsGuidKey(ReadOnlySpan<char> key) =>
        key.Length >= 32 && (key.Length == 32 || key[32] == '+') && key[..32].ContainsAnyExcept("0123456789abcdef") is false;

    [GeneratedRegex(@"GrainId (?<id>[^\s,\]]+)", RegexOptions.CultureInvariant)]
    private static partial Regex MentionedGrainId();
}
