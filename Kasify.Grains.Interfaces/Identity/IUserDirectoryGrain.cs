using Kasify.Grains.Interfaces.Common;

namespace Kasify.Grains.Interfaces.Identity;

/// <summary>The list of every user, for administrators. A single activation: key <see cref="Key"/>.</summary>
[Alias("Kasify.Grains.Interfaces.Identity.IUserDirectoryGrain")]
public interface IUserDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>The one directory's key.</summary>
    const long Key = 0;

    /// <summary>Adds or refreshes a user's entry.</summary>
    [Alias("UpsertAsync")]
    Task UpsertAsync(UserDto user);

    /// <summary>One page of users, oldest first.</summary>
    [Alias("ListAsync")]
    Task<Page<UserDto>> ListAsync(PageRequest page);
}
