namespace Kasify.Api.Json;

/// <summary>Marks a request property as free text: besides the rules of <see cref="WireText"/>, tabs and line breaks are accepted.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class FreeTextAttribute : Attribute;
