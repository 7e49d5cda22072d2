using System.Globalization;
using System.Security.Cryptography;

namespace Kasify.Grains.Integrations.Nuki;

/// <summary>
/// Nuki's keypad-code rules (reference sheet §6), checked before calling the vendor: six digits 1-9 not starting with
/// "12", unique on the lock, at most <see cref="MaxCodesPerLock"/> codes per lock, names of at most
/// <see cref="MaxNameLength"/> characters. PINs come from a cryptographic RNG.
/// </summary>
public static class NukiCodeRules
{
    /// <summary>Keypad codes one lock holds at most.</summary>
    public const int MaxCodesPerLock = 100;

    /// <summary>The longest keypad-code name Nuki accepts.</summary>
    public const int MaxNameLength = 20;

    /// <summary>Whether <paramref name="code"/> is a valid keypad code: six digits 1-9, not starting with 12.</summary>
    public static bool IsValidCode(int code)
    {
        if (code is < 111111 or > 999999)
        {
            return false;
        }

        var text = code.ToString(CultureInfo.InvariantCulture);
        return !text.Contains('0', StringComparison.Ordinal) && !text.StartsWith("12", StringComparison.Ordinal);
    }

    /// <summary>Whether <paramref name="name"/> is a valid keypad-code name: not blank, at most 20 characters.</summary>
    public static bool IsValidName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= MaxNameLength;

    /// <summary>Whether a lock already holding <paramref name="codesOnLock"/> codes can take one more.</summary>
    public static bool HasRoom(int codesOnLock) => codesOnLock < MaxCodesPerLock;

    /// <summary>
    /// A new valid code, uniform over all valid codes, that is not in <paramref name="taken"/> (the lock's codes).
    /// </summary>
    /// <exception cref="InvalidOperationException">The lock already holds <see cref="MaxCodesPerLock"/> codes.</exception>
    public static int GenerateCode(IReadOnlyCollection<int> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        if (!HasRoom(taken.Count))
        {
            throw new InvalidOperationException($"A Nuki lock holds at most {MaxCodesPerLock} keypad codes.");
        }

        Span<char> digits = stackalloc char[6];
        while (true)
        {
            for (var i = 0; i < digits.Length; i++)
            {
                digits[i] = (char)('1' + RandomNumberGenerator.GetInt32(9));
            }

            if (digits[0] == '1' && digits[1] == '2')
            {
                continue;
            }

            var code = int.Parse(digits, CultureInfo.InvariantCulture);
            if (!taken.Contains(code))
            {
                return code;
            }
        }
    }

    /// <summary>Checks a code request against the rules, throwing the error the vendor would answer.</summary>
    /// <exception cref="NukiException">The code or the name breaks a rule (<see cref="NukiErrorKind.InvalidRequest"/>).</exception>
    public static void Validate(NukiKeypadCodeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsValidCode(request.Code))
        {
            throw new NukiException(NukiErrorKind.InvalidRequest, "A Nuki keypad code has six digits 1-9 and does not start with 12.");
        }

        if (!IsValidName(request.Name))
        {
            throw new NukiException(NukiErrorKind.InvalidRequest, $"A Nuki keypad code name has 1 to {MaxNameLength} characters.");
        }

        if (request.AllowedFrom is { } from && request.AllowedUntil is { } until && until <= from)
        {
            throw new NukiException(NukiErrorKind.InvalidRequest, "A Nuki keypad code's window ends after it starts.");
        }
    }
}
