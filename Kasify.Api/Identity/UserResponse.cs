using Kasify.Grains.Interfaces.Identity;

namespace Kasify.Api.Identity;

/// <summary>A Kasify user.</summary>
internal sealed record UserResponse(
    Guid Id,
    Guid AccountId,
    string? Email,
    string? FirstName,
    string? LastName,
    string? Phone,
    string Locale,
    DateTimeOffset CreatedAt)
{
    public static UserResponse From(UserDto user) =>
        new(user.Id, user.AccountId, user.Email, user.FirstName, user.LastName, user.Phone, user.Locale, user.CreatedAt);
}
