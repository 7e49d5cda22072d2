namespace Kasify.Grains.Identity;

/// <summary>Part of one directory page: <see cref="Take"/> users of shard <see cref="Shard"/> after its first <see cref="Skip"/>.</summary>
internal sealed record UserDirectorySlice(int Shard, int Skip, int Take);
