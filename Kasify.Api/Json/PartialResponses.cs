using System.Text.Json.Serialization.Metadata;

namespace Kasify.Api.Json;

/// <summary>Serializes an <see cref="IPartialResponse"/> with only the fields it shows.</summary>
internal static class PartialResponses
{
    /// <summary>
    /// A type-info modifier. It decides per instance at write time only, so the type's schema (built from the same type
    /// info) still lists every field, and one documented type serves every view of a resource.
    /// </summary>
    public static void LeaveOutHiddenFields(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || !typeof(IPartialResponse).IsAssignableFrom(typeInfo.Type))
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            var name = property.Name;
            var previous = property.ShouldSerialize;
            property.ShouldSerialize = (target, value) =>
                ((IPartialResponse)target).Shows(name) && (previous is null || previous(target, value));
        }
    }
}
