namespace Kasify.Grains.Interfaces.CheckIn;

/// <summary>Values of <c>sex</c>: the SES.HOSPEDAJES <c>SEXO</c> table. Accepted in any case, stored upper case.</summary>
public static class GuestSex
{
    /// <summary>Hombre (male).</summary>
    public const string Male = "H";

    /// <summary>Mujer (female).</summary>
    public const string Female = "M";

    /// <summary>Otro (other).</summary>
    public const string Other = "O";

    /// <summary>Every accepted value.</summary>
    public static readonly IReadOnlyList<string> All = [Male, Female, Other];
}
