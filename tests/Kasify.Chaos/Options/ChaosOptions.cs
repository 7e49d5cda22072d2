using System.Globalization;

namespace Kasify.Chaos.Options;

/// <summary>
/// What one run does: how long, how big the cluster and the data set, how fast, how often a silo dies, and how the Nuki
/// and UniFi fakes behave. Parsed from <c>--name value</c> pairs; small numbers are valid, so the test can run a minute-long version.
/// </summary>
internal sealed record ChaosOptions
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(5);

    public int Silos { get; init; } = 3;

    public int ApiHosts { get; init; } = 2;

    /// <summary>Users, each with its own account and Nuki account; properties and locks are spread over them.</summary>
    public int Accounts { get; init; } = 3;

    public int Properties { get; init; } = 300;

    public int Locks { get; init; } = 1000;

    /// <summary>Operations started per second (open loop: a slow answer does not slow the arrivals).</summary>
    public double Rate { get; init; } = 50;

    /// <summary>Most operations in flight at once; arrivals beyond it are counted as skipped.</summary>
    public int MaxInFlight { get; init; } = 64;

    public TimeSpan KillEvery { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Kill one API host once, half way through the run.</summary>
    public bool KillApiHost { get; init; } = true;

    public int NukiApplyDelayMs { get; init; } = 200;

    public int NukiLatencyMs { get; init; }

    public double NukiErrorRate { get; init; }

    /// <summary>How many of <see cref="Locks"/> are UniFi Access doors (the rest are Nuki locks); null for a tenth of them.</summary>
    public int? UniFiLocks { get; init; }

    public int UniFiLockCount => UniFiLocks ?? Locks / 10;

    public int UniFiLatencyMs { get; init; }

    public double UniFiErrorRate { get; init; }

    /// <summary>Longest wait after the run for pending codes to settle before verifying.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(60);

    public int Seed { get; init; } = 13;

    public static string Usage => """
        options: --minutes 5 | --seconds 300, --silos 3, --api-hosts 2, --accounts 3, --properties 300, --locks 1000,
                 --rate 50 (operations/s), --max-in-flight 64, --kill-every 30s (or 30, 1m, 00:00:30; 0 = never),
                 --no-api-kill, --nuki-apply-delay-ms 200, --nuki-latency-ms 0, --nuki-error-rate 0,
                 --unifi-locks (a tenth of --locks), --unifi-latency-ms 0, --unifi-error-rate 0,
                 --settle 60s, --seed 13
        """;

    public static ChaosOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new ChaosOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--no-api-kill")
            {
                options = options with { KillApiHost = false };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.\n{Usage}");
            }

            var value = args[++i];
            options = name switch
            {
                "--minutes" => options with { Duration = TimeSpan.FromMinutes(Number(name, value)) },
                "--seconds" => options with { Duration = TimeSpan.FromSeconds(Number(name, value)) },
                "--silos" => options with { Silos = Count(name, value, 1) },
                "--api-hosts" => options with { ApiHosts = Count(name, value, 1) },
                "--accounts" => options with { Accounts = Count(name, value, 1) },
                "--properties" => options with { Properties = Count(name, value, 1) },
                "--locks" => options with { Locks = Count(name, value, 1) },
                "--rate" => options with { Rate = Number(name, value) },
                "--max-in-flight" => options with { MaxInFlight = Count(name, value, 1) },
                "--kill-every" => options with { KillEvery = Span(name, value) },
                "--nuki-apply-delay-ms" => options with { NukiApplyDelayMs = Count(name, value, 0) },
                "--nuki-latency-ms" => options with { NukiLatencyMs = Count(name, value, 0) },
                "--nuki-error-rate" => options with { NukiErrorRate = Number(name, value) },
                "--unifi-locks" => options with { UniFiLocks = Count(name, value, 0) },
                "--unifi-latency-ms" => options with { UniFiLatencyMs = Count(name, value, 0) },
                "--unifi-error-rate" => options with { UniFiErrorRate = Number(name, value) },
                "--settle" => options with { Settle = Span(name, value) },
                "--seed" => options with { Seed = Count(name, value, 0) },
                _ => throw new ArgumentException($"Unknown option {name}.\n{Usage}"),
            };
        }

        return options.Validated();
    }

    /// <summary>Checks the combination: every property needs a lock and an owner among the accounts.</summary>
    public ChaosOptions Validated()
    {
        if (Locks < Properties)
        {
            throw new ArgumentException($"--locks ({Locks}) must be at least --properties ({Properties}): every property gets a lock.");
        }

        if (Accounts > Properties)
        {
            throw new ArgumentException($"--accounts ({Accounts}) must not exceed --properties ({Properties}).");
        }

        if (UniFiLockCount > Locks)
        {
            throw new ArgumentException($"--unifi-locks ({UniFiLockCount}) must not exceed --locks ({Locks}).");
        }

        // Kasify keeps at most 500 devices per integration (a Nuki account, a UniFi console); more locks need more accounts.
        var nukiLocks = Locks - UniFiLockCount;
        if ((nukiLocks + Accounts - 1) / Accounts > 500 || (UniFiLockCount + Accounts - 1) / Accounts > 500)
        {
            throw new ArgumentException($"--locks ({Locks}) over --accounts ({Accounts}) gives more than 500 locks per Nuki or UniFi integration; use at least {(Math.Max(nukiLocks, UniFiLockCount) + 499) / 500} accounts.");
        }

        if (Rate <= 0 || Duration <= TimeSpan.Zero || NukiErrorRate is < 0 or > 1 || UniFiErrorRate is < 0 or > 1)
        {
            throw new ArgumentException($"--rate and the duration must be positive and the error rates within 0..1.\n{Usage}");
        }

        return this;
    }

    private static double Number(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw new ArgumentException($"{name} wants a number, not '{value}'.");

    private static int Count(string name, string value, int minimum) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= minimum
            ? count
            : throw new ArgumentException($"{name} wants a whole number of at least {minimum}, not '{value}'.");

    // "30s", "2m", "30" (seconds) or a TimeSpan such as "00:00:30".
    private static TimeSpan Span(string name, string value)
    {
        if (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && value.Contains(':', StringComparison.Ordinal))
        {
            return span;
        }

        var (digits, unit) = value.EndsWith('m') ? (value[..^1], 60.0) : value.EndsWith('s') ? (value[..^1], 1.0) : (value, 1.0);
        return TimeSpan.FromSeconds(Number(name, digits) * unit);
    }
}
