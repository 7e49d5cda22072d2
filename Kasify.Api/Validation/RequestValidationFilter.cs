using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Kasify.Grains.Interfaces.Errors;

namespace Kasify.Api.Validation;

/// <summary>
/// Checks the DataAnnotations of every request-body argument and reports broken ones by their snake_case wire name
/// (the built-in validation reports C# property names), through the single exception-to-problem mapping.
/// </summary>
internal sealed class RequestValidationFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new Dictionary<string, List<string>>();
        foreach (var argument in context.Arguments)
        {
            if (argument is IValidatableRequest request)
            {
                Collect(request, errors);
            }
        }

        ThrowIfAny(errors);
        return next(context);
    }

    /// <summary>
    /// Adds the broken DataAnnotations of <paramref name="request"/> to <paramref name="errors"/> by wire name; for bodies
    /// an endpoint reads itself (one shape per integration type) rather than binds.
    /// </summary>
    public static void Collect(IValidatableRequest request, Dictionary<string, List<string>> errors)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty("body"))
            {
                var field = JsonNamingPolicy.SnakeCaseLower.ConvertName(member);
                if (!errors.TryGetValue(field, out var messages))
                {
                    errors[field] = messages = [];
                }

                // DataAnnotations name the C# property in their messages; clients know the wire name.
                messages.Add((result.ErrorMessage ?? "Invalid.").Replace(member, field, StringComparison.Ordinal));
            }
        }
    }

    /// <summary>Throws the 400 <c>validation.failed</c> problem when <paramref name="errors"/> holds anything.</summary>
    public static void ThrowIfAny(Dictionary<string, List<string>> errors)
    {
        if (errors.Count > 0)
        {
            throw new RequestValidationException(
                "validation.failed",
                "The request has invalid fields.",
                errors.ToImmutableDictionary(entry => entry.Key, entry => entry.Value.ToArray()));
        }
    }
}
