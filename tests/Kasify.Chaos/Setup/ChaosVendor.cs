namespace Kasify.Chaos.Setup;

/// <summary>Which fake a lock of the run lives at.</summary>
internal enum ChaosVendor
{
    Nuki,
    UniFi,
}
