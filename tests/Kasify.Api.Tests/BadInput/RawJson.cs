using System.Text;

namespace Kasify.Api.Tests.BadInput;

/// <summary>
/// JSON written byte by byte, so a body can carry what a serializer would never write: duplicate keys, invalid UTF-8,
/// lone surrogate escapes.
/// </summary>
internal static class RawJson
{
    /// <summary>JSON text as UTF-8 bytes.</summary>
    public static byte[] Text(string json) => Encoding.UTF8.GetBytes(json);

    /// <summary>A JSON string of <paramref name="value"/>, every non-printable-ASCII character written as a \u escape (lone surrogates included).</summary>
    public static byte[] String(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var character in value)
        {
            if (character is >= ' ' and <= '~' and not '"' and not '\\')
            {
                builder.Append(character);
            }
            else
            {
                builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)character:x4}");
            }
        }

        return Text(builder.Append('"').ToString());
    }

    /// <summary>A JSON string whose content is "a", the raw <paramref name="bytes"/>, then "b".</summary>
    public static byte[] StringWithBytes(byte[] bytes) => [.. "\"a"u8, .. bytes, .. "b\""u8];

    /// <summary>An object of the fields in order, duplicates and all; names are raw JSON strings.</summary>
    public static byte[] Object(IEnumerable<(byte[] Name, byte[] Value)> fields)
    {
        var body = new List<byte> { (byte)'{' };
        var first = true;
        foreach (var (name, value) in fields)
        {
            if (!first)
            {
                body.Add((byte)',');
            }

            first = false;
            body.AddRange(name);
            body.Add((byte)':');
            body.AddRange(value);
        }

        body.Add((byte)'}');
        return [.. body];
    }
}
