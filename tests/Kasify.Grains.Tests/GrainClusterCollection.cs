namespace Kasify.Grains.Tests;

[CollectionDefinition(Name)]
public sealed class GrainClusterCollection : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "Grain cluster";
}
