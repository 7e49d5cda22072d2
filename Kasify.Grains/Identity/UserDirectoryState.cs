using Kasify.Grains.Interfaces.Identity;

namespace Kasify.Grains.Identity;

/// <summary>
/// Directory entries by user id: those of one shard (state <c>userDirectoryShard</c>), or, in the row of the directory
/// from before it was sharded (state <c>userDirectory</c>), every user until they are handed to their shards.
/// </summary>
[GenerateSerializer, Alias("Kasify.Grains.Identity.UserDirectoryState")]
internal sealed class UserDirectoryState
{
    [Id(0)]
    public Dictionary<Guid, UserDto> Users { get; set; } = [];
}
