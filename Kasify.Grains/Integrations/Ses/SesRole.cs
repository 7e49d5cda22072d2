namespace Kasify.Grains.Integrations.Ses;

/// <summary>Values of <c>rol</c>.</summary>
public static class SesRole
{
    /// <summary>Viajero: a guest.</summary>
    public const string Traveller = "VI";

    /// <summary>Titular: the contract holder of a booking.</summary>
    public const string Holder = "TI";

    /// <summary>Conductor principal: main driver (vehicle communications only).</summary>
    public const string MainDriver = "CP";

    /// <summary>Conductor secundario: second driver (vehicle communications only).</summary>
    public const string SecondDriver = "CS";
}
