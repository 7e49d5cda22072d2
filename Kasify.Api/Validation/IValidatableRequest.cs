namespace Kasify.Api.Validation;

/// <summary>Marks a request body whose DataAnnotations <see cref="RequestValidationFilter"/> checks.</summary>
internal interface IValidatableRequest;
