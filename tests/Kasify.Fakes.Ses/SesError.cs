namespace Kasify.Fakes.Ses;

/// <summary>A synchronous refusal: the Ministry's <c>respuesta/codigo</c> and <c>descripcion</c>.</summary>
internal sealed record SesError(int Code, string Description)
{
    public static SesError Format(string detail) => new(10118, "Error en el formato del fichero XML: " + detail);

    public static SesError Required(string field) => new(10131, $"Es obligatorio informar un valor para el campo {field}");

    public static SesError WrongValue(string field) => new(10130, $"Valor incorrecto para el campo {field}");
}
