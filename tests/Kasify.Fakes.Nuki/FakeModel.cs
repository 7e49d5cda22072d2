namespace Kasify.Fakes.Nuki;

/// <summary>A Nuki Web account of the fake, reached with its API token.</summary>
public sealed class FakeAccount
{
    /// <summary>The bearer token that authenticates as this account.</summary>
    public required string Token { get; init; }

    /// <summary>The account id shown on its locks.</summary>
    public required int AccountId { get; init; }

    /// <summary>How long every request of this account takes on top of the global latency (a slow account, as seen from one integration).</summary>
    public int LatencyMs { get; set; }
}

/// <summary>A smart lock of the fake. Mutable; always accessed under the <see cref="NukiFakeState"/> lock.</summary>
public sealed class FakeSmartlock
{
    public required long SmartlockId { get; init; }
    public required int AccountId { get; init; }
    public required string Name { get; set; }
    public int Type { get; set; } = 4;
    public bool KeypadPaired { get; set; } = true;
    public bool Offline { get; set; }
    public int LockState { get; set; } = 1;
    public int BatteryCharge { get; set; } = 80;
    public bool BatteryCritical { get; set; }
    public int NextAuthId { get; set; } = 1;
    public DateTimeOffset UpdateDate { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>A keypad code (auth type 13) of the fake. Mutable; always accessed under the <see cref="NukiFakeState"/> lock.</summary>
public sealed class FakeAuth
{
    public required string Id { get; init; }
    public required long SmartlockId { get; init; }
    public required int AuthId { get; init; }
    public int Type { get; init; } = 13;
    public required string Name { get; set; }
    public required int Code { get; set; }
    public bool Enabled { get; set; } = true;
    public bool RemoteAllowed { get; set; }
    public DateTimeOffset? AllowedFromDate { get; set; }
    public DateTimeOffset? AllowedUntilDate { get; set; }
    public int? AllowedWeekDays { get; set; }
    public int? AllowedFromTime { get; set; }
    public int? AllowedUntilTime { get; set; }

    /// <summary>Set while a change of this auth is pending; further writes get 423.</summary>
    public string? OperationId { get; set; }

    /// <summary>False while the create is pending: the auth is not listed yet (the 204 of PUT carries no id).</summary>
    public bool Applied { get; set; }

    public DateTimeOffset CreationDate { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdateDate { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>The body of a keypad-code create (PUT) or update (POST), as Nuki's <c>SmartlockAuthCreate</c>/<c>SmartlockAuthUpdate</c>.</summary>
public sealed record AuthWrite(
    string? Name,
    int? Type,
    int? Code,
    bool? Enabled,
    bool? RemoteAllowed,
    DateTimeOffset? AllowedFromDate,
    DateTimeOffset? AllowedUntilDate,
    int? AllowedWeekDays,
    int? AllowedFromTime,
    int? AllowedUntilTime);

/// <summary>What a vendor endpoint answers: a status and an optional JSON body.</summary>
public sealed record FakeReply(int Status, object? Body = null)
{
    public static readonly FakeReply NoContent = new(204);

    public static FakeReply Detail(int status, string message) =>
        new(status, new { detailMessage = message, stackTrace = Array.Empty<object>(), suppressedExceptions = Array.Empty<object>() });

    public static readonly FakeReply Locked = new(423, new { stackTrace = Array.Empty<object>(), suppressedExceptions = Array.Empty<object>() });
}
