namespace Kasify.Api.Tests.Auth;

/// <summary>
/// Tests that point this process's user-secrets location (<c>APPDATA</c>) at a folder of their own while a host is
/// built, so they run alone rather than beside hosts that could read the same variable.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DevelopmentTokenCollection
{
    public const string Name = "Development tokens";
}
