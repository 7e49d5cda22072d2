using System.Security.Cryptography;

namespace Kasify.Grains.Integrations.UniFi;

/// <summary>
/// UniFi PINs: digits only, of the site's length (4, 6 or 8, or any of 4 to 8 when the site allows variable length),
/// and unique across the site's users and visitors. Generated with a cryptographic RNG.
/// </summary>
public static class UniFiPinRules
{
    public const int MinimumLength = 4;
    public const int MaximumLength = 8;

    /// <summary>Whether <paramref name="pin"/> fits a site whose PIN length is <paramref name="siteLength"/> (null: variable).</summary>
    public static bool IsValid(string? pin, int? siteLength) =>
        pin is not null
        && pin.All(char.IsAsciiDigit)
        && (siteLength is { } length ? pin.Length == length : pin.Length is >= MinimumLength and <= MaximumLength);

    /// <summary>A random PIN of <paramref name="length"/> digits not in <paramref name="taken"/>.</summary>
    public static string Generate(int length, IReadOnlySet<string>? taken = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, MinimumLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaximumLength);
        while (true)
        {
            var pin = string.Create(length, 0, static (digits, _) =>
            {
                for (var i = 0; i < digits.Length; i++)
                {
                    digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
                }
            });
            if (taken is null || !taken.Contains(pin))
            {
                return pin;
            }
        }
    }
}
