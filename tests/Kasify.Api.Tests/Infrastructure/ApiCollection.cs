namespace Kasify.Api.Tests.Infrastructure;

/// <summary>Tests that share one API host and its test cluster; each uses its own callers and tokens.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<KasifyApiFactory>
{
    public const string Name = "API";
}
