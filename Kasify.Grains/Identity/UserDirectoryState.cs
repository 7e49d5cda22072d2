using Kasify.Grains.Interfaces.Identity;

namespace Kasify.Grains.Identity;

[GenerateSerializer, Alias("Kasify.Grains.Identity.UserDirectoryState")]
internal sealed class UserDirectoryState
{
    [Id(0)]
    public Dictionary<Guid, UserDto> Users { get; set; } = [];
}
