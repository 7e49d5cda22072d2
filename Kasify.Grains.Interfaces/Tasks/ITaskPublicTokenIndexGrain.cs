namespace Kasify.Grains.Interfaces.Tasks;

/// <summary>Resolves a task's public token. Key: <see cref="TaskPublicTokenKeys.For"/> ("taskpub:" + the token).</summary>
[Alias("Kasify.Grains.Interfaces.Tasks.ITaskPublicTokenIndexGrain")]
public interface ITaskPublicTokenIndexGrain : IGrainWithStringKey
{
    /// <summary>Binds the token to the task; false when another task holds it.</summary>
    [Alias("RegisterAsync")]
    Task<bool> RegisterAsync(TaskPublicLink link);

    /// <summary>The task the token belongs to, or null for an unknown token.</summary>
    [Alias("ResolveAsync")]
    Task<TaskPublicLink?> ResolveAsync();
}
