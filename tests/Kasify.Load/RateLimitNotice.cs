namespace Kasify.Load;

/// <summary>The warning a measuring mode prints when the API answered 429: the figures then describe the rate limiter.</summary>
internal static class RateLimitNotice
{
    /// <summary>Settings that lift the limits authenticated requests meet.</summary>
    public const string UserLimits = "Kasify__RateLimits__UserPerMinute=100000000 (PersonalAccessTokenPerMinute for a kas_pat_ token)";

    /// <summary>The setting that lifts the per-IP limit of the public check-in endpoints.</summary>
    public const string PublicLimit = "Kasify__RateLimits__PublicPerIpPerMinute=100000000";

    /// <summary>Prints the warning when any measurement holds a 429; answers whether it did.</summary>
    public static bool PrintIfLimited(string setting, params Measurement[] measured)
    {
        if (!measured.Any(measurement => measurement.Statuses.ContainsKey(429)))
        {
            return false;
        }

        Console.WriteLine($"RATE LIMITED: the API answered 429, so these figures measure its limiter; start it with {setting}.");
        return true;
    }
}
