namespace Kasify.Grains.Integrations.Nuki;

/// <summary>What went wrong with a Nuki Web API call, by the vendor's status code (reference sheet §8).</summary>
public enum NukiErrorKind
{
    /// <summary>401: the API token is missing, wrong, revoked or lacks a scope.</summary>
    InvalidCredentials,

    /// <summary>403: the lock or code exists but this account may not reach it.</summary>
    Forbidden,

    /// <summary>404: unknown lock or code.</summary>
    NotFound,

    /// <summary>400: a bad parameter (invalid code, a lock without keypad, malformed body), or a rule broken before calling.</summary>
    InvalidRequest,

    /// <summary>409: the keypad code already exists on the lock.</summary>
    DuplicateCode,

    /// <summary>422: semantically invalid (name over 20 characters, or the lock's codes are full).</summary>
    Unprocessable,

    /// <summary>423: another change of the same lock or code is still pending at the device; try again later.</summary>
    Pending,

    /// <summary>402/426: the Nuki account must be paid or upgraded.</summary>
    AccountRestricted,

    /// <summary>429, 5xx, timeouts or no connection, after the retries: the vendor is unreachable for now.</summary>
    Unavailable,

    /// <summary>Any other answer, or a body that could not be read.</summary>
    Unexpected,
}
