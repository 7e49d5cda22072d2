namespace Kasify.Grains;

/// <summary>Names of the grain storage providers the silo must configure.</summary>
public static class StorageNames
{
    /// <summary>The one ADO.NET grain storage holding every Kasify grain's state.</summary>
    public const string Kasify = "kasify";
}
