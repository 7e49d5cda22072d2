namespace Kasify.Grains.SmartLocks;

/// <summary>How the device was last seen to differ from a code Kasify placed (stored: values are only appended).</summary>
[GenerateSerializer, Alias("Kasify.Grains.SmartLocks.LockCodeDrift")]
internal enum LockCodeDrift
{
    /// <summary>The device holds the code as placed, or the code was never seen otherwise.</summary>
    None = 0,

    /// <summary>The device holds the code with another window.</summary>
    Window = 1,

    /// <summary>The device holds the code with another PIN, or disabled (possibly with another window too).</summary>
    Content = 2,
}
