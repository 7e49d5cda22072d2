namespace Kasify.Fakes.Ses;

/// <summary>The code tables the <c>catalogo</c> operation serves and the inner documents are checked against.</summary>
internal static class SesCatalog
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<(string Code, string Description)>> Tables =
        new Dictionary<string, IReadOnlyList<(string Code, string Description)>>(StringComparer.Ordinal)
        {
            ["SEXO"] = [("H", "Hombre"), ("M", "Mujer"), ("O", "Otro")],
            ["TIPO_DOCUMENTO"] = [("NIF", "NIF"), ("NIE", "NIE"), ("PAS", "Pasaporte"), ("OTRO", "Otro")],
            ["TIPO_PAGO"] =
            [
                ("EFECT", "Efectivo"), ("TARJT", "Tarjeta"), ("PLATF", "Plataforma de pago"), ("TRANS", "Transferencia"),
                ("MOVIL", "Pago por móvil"), ("TREG", "Tarjeta regalo"), ("DESTI", "Pago en destino"), ("OTRO", "Otro"),
            ],
            ["TIPO_PARENTESCO"] =
            [
                ("AB", "Abuelo/a"), ("BA", "Bisabuelo/a"), ("BN", "Bisnieto/a"), ("CD", "Cuñado/a"), ("CY", "Cónyuge"),
                ("HJ", "Hijo/a"), ("HR", "Hermano/a"), ("NI", "Nieto/a"), ("PM", "Padre o madre"), ("SB", "Sobrino/a"),
                ("SG", "Suegro/a"), ("TI", "Tío/a"), ("YN", "Yerno o nuera"), ("TU", "Tutor/a"), ("OT", "Otro"),
            ],
            ["TIPO_ESTABLECIMIENTO"] =
            [
                ("VUT", "Vivienda de uso turístico"), ("APART", "Apartamento"), ("AP_RURAL", "Apartamento rural"),
                ("CASA_RURAL", "Casa rural"), ("HOTEL", "Hotel"), ("HOSTAL", "Hostal"), ("OTROS", "Otros"),
            ],
        };

    // Roles are a schema enumeration, not a catalogo table, so they are checked here but never served.
    private static readonly HashSet<string> Roles = new(["VI", "CP", "CS", "TI"], StringComparer.Ordinal);

    public static bool Contains(string table, string code) => table == "ROL"
        ? Roles.Contains(code)
        : Tables.TryGetValue(table, out var rows) && rows.Any(row => row.Code == code);
}
