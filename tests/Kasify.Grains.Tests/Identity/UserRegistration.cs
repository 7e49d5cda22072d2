using Kasify.Grains.Interfaces.Identity;

namespace Kasify.Grains.Tests.Identity;

/// <summary>Registers a fresh user through the subject index, as the API does.</summary>
internal static class UserRegistration
{
    public static async Task<UserDto> RegisterNewUserAsync(this IGrainFactory grains, string? email = null)
    {
        var subject = "test|" + Guid.NewGuid().ToString("N");
        var result = await grains.GetGrain<ISubjectIndexGrain>(SubjectKeys.For("tests", subject))
            .RegisterAsync(new RegisterUser("tests", subject, email ?? $"{subject}@example.org", "Ana", "García", "es"));
        return result.User;
    }
}
