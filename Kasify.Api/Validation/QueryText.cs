using System.Collections.Immutable;
using System.Text;
using System.Text.Unicode;
using Kasify.Api.Json;

namespace Kasify.Api.Validation;

/// <summary>
/// Checks the raw query string against the wire text rules (<see cref="WireText"/>). The framework's decoding keeps an
/// invalid UTF-8 escape such as <c>%FF</c> as those three characters, so the escapes are decoded here, strictly.
/// </summary>
internal static class QueryText
{
    /// <summary>The field errors of the query string: every parameter whose name or value is not valid text.</summary>
    public static ImmutableDictionary<string, string[]> Check(string? query)
    {
        var errors = ImmutableDictionary.CreateBuilder<string, string[]>();
        foreach (var pair in (query ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(separator < 0 ? pair : pair[..separator]);
            var value = separator < 0 ? "" : Decode(pair[(separator + 1)..]);
            if (name is null || value is null || !WireText.IsValid(name, freeText: false) || !WireText.IsValid(value, freeText: false))
            {
                errors[name is not null && WireText.IsValid(name, freeText: false) ? name : "query"] = [WireText.Message];
            }
        }

        return errors.ToImmutable();
    }

    // Percent-escapes and '+' decoded to UTF-8 bytes; null when those bytes are not UTF-8. A '%' that starts no escape is kept.
    private static string? Decode(string component)
    {
        var bytes = new List<byte>(component.Length);
        for (var index = 0; index < component.Length; index++)
        {
            var character = component[index];
            if (character == '%' && index + 2 < component.Length && char.IsAsciiHexDigit(component[index + 1]) && char.IsAsciiHexDigit(component[index + 2]))
            {
                bytes.Add(Convert.ToByte(component.Substring(index + 1, 2), 16));
                index += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(character == '+' ? " " : character.ToString()));
            }
        }

        var decoded = bytes.ToArray();
        return Utf8.IsValid(decoded) ? Encoding.UTF8.GetString(decoded) : null;
    }
}
