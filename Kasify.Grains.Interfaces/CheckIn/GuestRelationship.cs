namespace Kasify.Grains.Interfaces.CheckIn;

/// <summary>
/// Values of <c>relationship_code</c>: the SES.HOSPEDAJES <c>TIPO_PARENTESCO</c> table, the relation between a minor and
/// the adult travelling with them. Accepted in any case, stored upper case.
/// </summary>
public static class GuestRelationship
{
    /// <summary>Abuelo/a (grandparent).</summary>
    public const string Grandparent = "AB";

    /// <summary>Bisabuelo/a (great-grandparent).</summary>
    public const string GreatGrandparent = "BA";

    /// <summary>Bisnieto/a (great-grandchild).</summary>
    public const string GreatGrandchild = "BN";

    /// <summary>Cuñado/a (sibling-in-law).</summary>
    public const string SiblingInLaw = "CD";

    /// <summary>Cónyuge (spouse).</summary>
    public const string Spouse = "CY";

    /// <summary>Hijo/a (child).</summary>
    public const string Child = "HJ";

    /// <summary>Hermano/a (sibling).</summary>
    public const string Sibling = "HR";

    /// <summary>Nieto/a (grandchild).</summary>
    public const string Grandchild = "NI";

    /// <summary>Padre o madre (parent).</summary>
    public const string Parent = "PM";

    /// <summary>Sobrino/a (nephew or niece).</summary>
    public const string NephewOrNiece = "SB";

    /// <summary>Suegro/a (parent-in-law).</summary>
    public const string ParentInLaw = "SG";

    /// <summary>Tío/a (uncle or aunt).</summary>
    public const string UncleOrAunt = "TI";

    /// <summary>Yerno o nuera (son- or daughter-in-law).</summary>
    public const string ChildInLaw = "YN";

    /// <summary>Tutor/a (legal guardian).</summary>
    public const string Guardian = "TU";

    /// <summary>Otro (other).</summary>
    public const string Other = "OT";

    /// <summary>Every accepted value.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Grandparent, GreatGrandparent, GreatGrandchild, SiblingInLaw, Spouse, Child, Sibling, Grandchild, Parent,
        NephewOrNiece, ParentInLaw, UncleOrAunt, ChildInLaw, Guardian, Other,
    ];
}
