using System.Security.Cryptography;

namespace Kasify.Fakes.Nuki;

/// <summary>
/// The fake's in-memory Nuki Web: accounts, locks and keypad codes, with the vendor's quirks (writes answered 204 and
/// applied after <see cref="NukiFakeOptions.ApplyDelayMs"/>, dropped when the lock is offline; 423 while a change of the
/// same auth is pending; 409 for a code already on the lock; 422 past 20-character names or 100 codes).
/// </summary>
public sealed class NukiFakeState(NukiFakeOptions options)
{
    /// <summary>Keypad codes a lock holds at most.</summary>
    public const int MaxCodesPerLock = 100;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeAccount> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<long, FakeSmartlock> _locks = [];
    private readonly List<FakeAuth> _auths = [];
    private int _failNext;
    private int _failStatus = 503;
    private int _requests;

    /// <summary>The live switches (latency, error rate, apply delay).</summary>
    public NukiFakeOptions Options { get; } = options;

    /// <summary>Vendor requests received (admin requests excluded).</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>Adds (or returns) the account of <paramref name="token"/>.</summary>
    public FakeAccount AddAccount(string token, int? accountId = null)
    {
        lock (_gate)
        {
            if (!_accounts.TryGetValue(token, out var account))
            {
                account = new FakeAccount { Token = token, AccountId = accountId ?? 500000 + _accounts.Count + 1 };
                _accounts[token] = account;
            }

            return account;
        }
    }

    /// <summary>Adds a lock to the account of <paramref name="token"/> (created if missing) and returns it.</summary>
    public FakeSmartlock AddSmartlock(string token, long smartlockId, string name, bool keypadPaired = true, bool offline = false, int batteryCharge = 80)
    {
        var account = AddAccount(token);
        lock (_gate)
        {
            var smartlock = new FakeSmartlock
            {
                SmartlockId = smartlockId,
                AccountId = account.AccountId,
                Name = name,
                KeypadPaired = keypadPaired,
                Offline = offline,
                BatteryCharge = batteryCharge,
                BatteryCritical = batteryCharge < 20,
            };
            _locks[smartlockId] = smartlock;
            return smartlock;
        }
    }

    /// <summary>Changes a lock as the device would (connection, battery); returns false for an unknown lock.</summary>
    public bool UpdateSmartlock(long smartlockId, bool? offline = null, int? batteryCharge = null, bool? batteryCritical = null, int? lockState = null)
    {
        lock (_gate)
        {
            if (!_locks.TryGetValue(smartlockId, out var smartlock))
            {
                return false;
            }

            smartlock.Offline = offline ?? smartlock.Offline;
            smartlock.BatteryCharge = batteryCharge ?? smartlock.BatteryCharge;
            smartlock.BatteryCritical = batteryCritical ?? smartlock.BatteryCritical;
            smartlock.LockState = lockState ?? smartlock.LockState;
            if (!smartlock.Offline)
            {
                smartlock.UpdateDate = DateTimeOffset.UtcNow;
            }

            return true;
        }
    }

    /// <summary>The next <paramref name="count"/> vendor requests are answered with <paramref name="status"/>.</summary>
    public void FailNext(int count, int status = 503)
    {
        lock (_gate)
        {
            _failNext = count;
            _failStatus = status;
        }
    }

    /// <summary>Empties the fake (accounts, locks, codes, pending failures); the switches stay.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _accounts.Clear();
            _locks.Clear();
            _auths.Clear();
            _failNext = 0;
        }
    }

    /// <summary>Every keypad code of a lock as the device holds it (applied ones), for tests and the admin endpoint.</summary>
    public IReadOnlyList<FakeAuth> CodesOn(long smartlockId)
    {
        lock (_gate)
        {
            return [.. _auths.Where(a => a.SmartlockId == smartlockId && a.Applied)];
        }
    }

    /// <summary>
    /// Test hook: puts an applied keypad code on the lock at once, as someone using the Nuki app would (or a code left
    /// behind under Kasify's name). Returns it.
    /// </summary>
    public FakeAuth SeedAuth(long smartlockId, string name, int code, DateTimeOffset? allowedFrom = null, DateTimeOffset? allowedUntil = null)
    {
        lock (_gate)
        {
            var smartlock = _locks[smartlockId];
            var auth = new FakeAuth
            {
                Id = RandomNumberGenerator.GetHexString(24, lowercase: true),
                SmartlockId = smartlockId,
                AuthId = smartlock.NextAuthId++,
                Name = name,
                Code = code,
                AllowedFromDate = allowedFrom,
                AllowedUntilDate = allowedUntil,
                Applied = true,
            };
            _auths.Add(auth);
            return auth;
        }
    }

    /// <summary>Test hook: deletes a keypad code at once, as a user in the Nuki app or a factory reset would; false when absent.</summary>
    public bool RemoveAuthAsUser(long smartlockId, string id)
    {
        lock (_gate)
        {
            return _auths.RemoveAll(a => a.SmartlockId == smartlockId && a.Id == id) > 0;
        }
    }

    /// <summary>Test hook: changes an applied keypad code at once, as a user in the Nuki app would; false when absent.</summary>
    public bool AlterAuthAsUser(
        long smartlockId, string id, DateTimeOffset? allowedFrom = null, DateTimeOffset? allowedUntil = null, int? code = null, bool? enabled = null)
    {
        lock (_gate)
        {
            var auth = _auths.FirstOrDefault(a => a.SmartlockId == smartlockId && a.Id == id && a.Applied);
            if (auth is null)
            {
                return false;
            }

            auth.AllowedFromDate = allowedFrom ?? auth.AllowedFromDate;
            auth.AllowedUntilDate = allowedUntil ?? auth.AllowedUntilDate;
            auth.Code = code ?? auth.Code;
            auth.Enabled = enabled ?? auth.Enabled;
            auth.UpdateDate = DateTimeOffset.UtcNow;
            return true;
        }
    }

    /// <summary>A snapshot of everything, pending changes included.</summary>
    public object Snapshot()
    {
        lock (_gate)
        {
            return new
            {
                accounts = _accounts.Values.Select(a => new { a.Token, a.AccountId }).ToList(),
                smartlocks = _locks.Values.Select(ToSmartlockJson).ToList(),
                auths = _auths.Select(a => new { auth = ToAuthJson(a), applied = a.Applied }).ToList(),
                requests = RequestCount,
            };
        }
    }

    /// <summary>
    /// Called before every vendor request: counts it, waits the configured latency and decides whether it fails
    /// (forced failures first, then the random error rate). Returns the failure status, or null to go on.
    /// </summary>
    public async Task<int?> BeforeRequestAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        if (Options.LatencyMs > 0)
        {
            await Task.Delay(Options.LatencyMs, cancellationToken);
        }

        lock (_gate)
        {
            if (_failNext > 0)
            {
                _failNext--;
                return _failStatus;
            }
        }

        if (Options.ErrorRate > 0 && Random.Shared.NextDouble() < Options.ErrorRate)
        {
            int[] statuses = [500, 502, 503];
            return statuses[Random.Shared.Next(statuses.Length)];
        }

        return null;
    }

    /// <summary>The account of a bearer token, or null (401).</summary>
    public FakeAccount? Authenticate(string? authorization)
    {
        const string Prefix = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        lock (_gate)
        {
            return _accounts.GetValueOrDefault(authorization[Prefix.Length..].Trim());
        }
    }

    public FakeReply ListSmartlocks(FakeAccount account)
    {
        lock (_gate)
        {
            return new(200, _locks.Values.Where(l => l.AccountId == account.AccountId).OrderBy(l => l.SmartlockId).Select(ToSmartlockJson).ToList());
        }
    }

    public FakeReply GetSmartlock(FakeAccount account, long smartlockId)
    {
        lock (_gate)
        {
            return Find(account, smartlockId, out var smartlock) is { } error ? error : new(200, ToSmartlockJson(smartlock!));
        }
    }

    public FakeReply ListAuths(FakeAccount account, long smartlockId, string? types)
    {
        lock (_gate)
        {
            if (Find(account, smartlockId, out _) is { } error)
            {
                return error;
            }

            HashSet<int>? wanted = null;
            foreach (var type in types?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [])
            {
                if (!int.TryParse(type, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
                {
                    return FakeReply.Detail(400, $"The supplied value '{types}' for parameter 'types' is not valid");
                }

                (wanted ??= []).Add(parsed);
            }

            return new(200, _auths
                .Where(a => a.SmartlockId == smartlockId && a.Applied && (wanted is null || wanted.Contains(a.Type)))
                .Select(ToAuthJson)
                .ToList());
        }
    }

    public FakeReply CreateAuth(FakeAccount account, long smartlockId, AuthWrite? body)
    {
        FakeAuth auth;
        lock (_gate)
        {
            if (Find(account, smartlockId, out var smartlock) is { } error)
            {
                return error;
            }

            if (body is null || string.IsNullOrEmpty(body.Name) || body.RemoteAllowed is null)
            {
                return FakeReply.Detail(400, "The supplied value for parameter 'name' is not valid");
            }

            if (body.Type != 13)
            {
                return FakeReply.Detail(400, $"The supplied value '{body.Type}' for parameter 'type' is not valid");
            }

            if (!smartlock!.KeypadPaired)
            {
                return FakeReply.Detail(400, "The supplied value '13' for parameter 'type' is not valid");
            }

            if (body.Code is not { } code || !IsValidCode(code))
            {
                return FakeReply.Detail(400, $"The supplied value '{body.Code}' for parameter 'code' is not valid");
            }

            if (body.Name.Length > 20)
            {
                return Unprocessable();
            }

            var onLock = _auths.Where(a => a.SmartlockId == smartlockId).ToList();
            if (onLock.Any(a => a.Code == code))
            {
                return FakeReply.Detail(409, "Parameter conflicts");
            }

            if (onLock.Count >= MaxCodesPerLock)
            {
                return Unprocessable();
            }

            auth = new FakeAuth
            {
                Id = RandomNumberGenerator.GetHexString(24, lowercase: true),
                SmartlockId = smartlockId,
                AuthId = smartlock.NextAuthId++,
                Name = body.Name,
                Code = code,
                Enabled = body.Enabled ?? true,
                RemoteAllowed = body.RemoteAllowed.Value,
                AllowedFromDate = body.AllowedFromDate,
                AllowedUntilDate = body.AllowedUntilDate,
                AllowedWeekDays = body.AllowedWeekDays,
                AllowedFromTime = body.AllowedFromTime,
                AllowedUntilTime = body.AllowedUntilTime,
                OperationId = NewOperationId(),
            };
            _auths.Add(auth);
        }

        ApplyLater(smartlockId, () =>
        {
            auth.OperationId = null;
            auth.Applied = true;
        }, onDropped: () => _auths.Remove(auth));
        return FakeReply.NoContent;
    }

    public FakeReply UpdateAuth(FakeAccount account, long smartlockId, string id, AuthWrite? body)
    {
        lock (_gate)
        {
            if (Find(account, smartlockId, out var smartlock) is { } error)
            {
                return error;
            }

            var auth = _auths.FirstOrDefault(a => a.SmartlockId == smartlockId && a.Id == id && a.Applied);
            if (auth is null)
            {
                return new(404);
            }

            if (auth.OperationId is not null)
            {
                return FakeReply.Locked;
            }

            if (body is null || string.IsNullOrEmpty(body.Name))
            {
                return FakeReply.Detail(400, "The supplied value for parameter 'name' is not valid");
            }

            if (body.Code is { } newCode && !IsValidCode(newCode))
            {
                return FakeReply.Detail(400, $"The supplied value '{newCode}' for parameter 'code' is not valid");
            }

            if (body.Name.Length > 20)
            {
                return Unprocessable();
            }

            if (body.Code is { } code && _auths.Any(a => a.SmartlockId == smartlockId && a.Id != id && a.Code == code))
            {
                return FakeReply.Detail(409, "Parameter conflicts");
            }

            auth.OperationId = NewOperationId();
            ApplyLater(smartlock!.SmartlockId, () =>
            {
                // A partial update clears the fields it omits, as integrators report for the real service.
                auth.Name = body.Name;
                auth.Code = body.Code ?? auth.Code;
                auth.Enabled = body.Enabled ?? true;
                auth.RemoteAllowed = body.RemoteAllowed ?? false;
                auth.AllowedFromDate = body.AllowedFromDate;
                auth.AllowedUntilDate = body.AllowedUntilDate;
                auth.AllowedWeekDays = body.AllowedWeekDays;
                auth.AllowedFromTime = body.AllowedFromTime;
                auth.AllowedUntilTime = body.AllowedUntilTime;
                auth.UpdateDate = DateTimeOffset.UtcNow;
                auth.OperationId = null;
            }, onDropped: () => auth.OperationId = null);
            return FakeReply.NoContent;
        }
    }

    public FakeReply DeleteAuth(FakeAccount account, long smartlockId, string id)
    {
        lock (_gate)
        {
            if (Find(account, smartlockId, out _) is { } error)
            {
                return error;
            }

            var auth = _auths.FirstOrDefault(a => a.SmartlockId == smartlockId && a.Id == id && a.Applied);
            if (auth is null)
            {
                return new(404);
            }

            if (auth.OperationId is not null)
            {
                return FakeReply.Locked;
            }

            auth.OperationId = NewOperationId();
            ApplyLater(smartlockId, () => _auths.Remove(auth), onDropped: () => auth.OperationId = null);
            return FakeReply.NoContent;
        }
    }

    /// <summary>The reference's keypad-code rule: six digits 1-9, not starting with 12.</summary>
    public static bool IsValidCode(int code)
    {
        var text = code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return text.Length == 6 && text.All(c => c is >= '1' and <= '9') && !text.StartsWith("12", StringComparison.Ordinal);
    }

    private void ApplyLater(long smartlockId, Action apply, Action onDropped)
    {
        _ = Task.Run(async () =>
        {
            if (Options.ApplyDelayMs > 0)
            {
                await Task.Delay(Options.ApplyDelayMs);
            }

            lock (_gate)
            {
                if (_locks.TryGetValue(smartlockId, out var smartlock) && !smartlock.Offline)
                {
                    apply();
                    smartlock.UpdateDate = DateTimeOffset.UtcNow;
                }
                else
                {
                    // The device was unreachable: Nuki drops the change.
                    onDropped();
                }
            }
        });
    }

    private FakeReply? Find(FakeAccount account, long smartlockId, out FakeSmartlock? smartlock)
    {
        if (!_locks.TryGetValue(smartlockId, out smartlock))
        {
            return new(404);
        }

        return smartlock.AccountId == account.AccountId ? null : new(403);
    }

    private static FakeReply Unprocessable() => new(422, new
    {
        code = 422,
        description = "The server understands the content type of the request entity and the syntax of the request entity is correct but was unable to process the contained instructions",
        homeRef = "/",
        reasonPhrase = "Unprocessable Entity",
        uri = "http://www.webdav.org/specs/rfc2518.html#STATUS_422",
    });

    private static string NewOperationId() => RandomNumberGenerator.GetHexString(24, lowercase: true);

    private static object ToSmartlockJson(FakeSmartlock l) => new
    {
        smartlockId = l.SmartlockId,
        accountId = l.AccountId,
        type = l.Type,
        authId = 1,
        name = l.Name,
        favorite = false,
        serverState = l.Offline ? 4 : 0,
        adminPinState = 0,
        config = new { name = l.Name, timezoneId = 37, keypadPaired = l.KeypadPaired, keypad2Paired = false },
        state = new
        {
            mode = 2,
            state = l.LockState,
            trigger = 0,
            lastAction = 2,
            batteryCritical = l.BatteryCritical,
            batteryCharging = false,
            batteryCharge = l.BatteryCharge,
            keypadBatteryCritical = false,
            doorState = 2,
            nightMode = false,
        },
        creationDate = DateTimeOffset.UnixEpoch,
        updateDate = l.UpdateDate,
    };

    private static object ToAuthJson(FakeAuth a) => new
    {
        id = a.Id,
        smartlockId = a.SmartlockId,
        authId = a.AuthId,
        code = a.Code,
        type = a.Type,
        name = a.Name,
        enabled = a.Enabled,
        remoteAllowed = a.RemoteAllowed,
        lockCount = 0,
        allowedFromDate = a.AllowedFromDate,
        allowedUntilDate = a.AllowedUntilDate,
        allowedWeekDays = a.AllowedWeekDays,
        allowedFromTime = a.AllowedFromTime,
        allowedUntilTime = a.AllowedUntilTime,
        operationId = a.OperationId,
        creationDate = a.CreationDate,
        updateDate = a.UpdateDate,
    };
}
