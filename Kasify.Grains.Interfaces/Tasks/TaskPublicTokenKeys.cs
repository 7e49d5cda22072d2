namespace Kasify.Grains.Interfaces.Tasks;

/// <summary>Builds <see cref="ITaskPublicTokenIndexGrain"/> keys from public task tokens.</summary>
public static class TaskPublicTokenKeys
{
    /// <summary>"taskpub:" + the token. The prefix keeps the key from looking hex to ADO.NET storage.</summary>
    public static string For(string token) => "taskpub:" + token;
}
