using Orleans.Concurrency;

namespace Kasify.Grains.Interfaces.Identity;

/// <summary>
/// Maps one OIDC identity to its Kasify user. Key: <see cref="SubjectKeys.For"/> ("sub:" + hash of issuer and subject).
/// The grain serializes registrations, so concurrent first logins create exactly one user.
/// </summary>
[Alias("Kasify.Grains.Interfaces.Identity.ISubjectIndexGrain")]
public interface ISubjectIndexGrain : IGrainWithStringKey
{
    /// <summary>Creates the user and its account on the first call; later calls return the same user.</summary>
    [Alias("RegisterAsync")]
    Task<RegistrationResult> RegisterAsync(RegisterUser command);

    /// <summary>The registered user's id, or null when the identity never registered.</summary>
    [ReadOnly]
    [Alias("GetUserIdAsync")]
    Task<Guid?> GetUserIdAsync();
}
