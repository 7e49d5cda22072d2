using System.Text.Json.Serialization.Metadata;
using Kasify.Grains.Interfaces.Common;

namespace Kasify.Api.Json;

/// <summary>
/// The rules every value a client sends must follow, whoever reads it: text follows <see cref="WireText"/>, dates and
/// instants lie within <see cref="AcceptedDates"/>. Bound bodies are checked as they are deserialized (see
/// <see cref="AddChecks"/>); merge patches as they are read (<see cref="Common.MergePatchDocument"/>).
/// </summary>
internal static class WireValues
{
    /// <summary>Why <paramref name="value"/> is refused, or null when it is fine (or not a kind these rules cover).</summary>
    public static string? Problem(object? value, bool freeText) => value switch
    {
        string text when !WireText.IsValid(text, freeText) => freeText ? WireText.FreeTextMessage : WireText.Message,
        DateOnly date when !AcceptedDates.Contains(date) => AcceptedDates.Message,
        DateTimeOffset instant when !AcceptedDates.Contains(instant) => AcceptedDates.Message,
        _ => null,
    };

    /// <summary>
    /// A type-info modifier: every settable text, date and instant property is checked before it is set, so a refused
    /// value fails deserialization as an <see cref="InvalidWireValueException"/> at the property's JSON path. It leaves the
    /// converters, and with them the OpenAPI schemas, as they are.
    /// </summary>
    public static void AddChecks(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.Set is not { } set || !IsChecked(property.PropertyType))
            {
                continue;
            }

            var freeText = property.AttributeProvider?.IsDefined(typeof(FreeTextAttribute), inherit: false) == true;
            property.Set = (target, value) =>
            {
                if (Problem(value, freeText) is { } problem)
                {
                    throw new InvalidWireValueException(problem);
                }

                set(target, value);
            };
        }
    }

    private static bool IsChecked(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var underlying
        && (underlying == typeof(string) || underlying == typeof(DateOnly) || underlying == typeof(DateTimeOffset));
}
