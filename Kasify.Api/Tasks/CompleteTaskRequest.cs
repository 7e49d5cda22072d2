using System.ComponentModel.DataAnnotations;
using Kasify.Api.Json;
using Kasify.Api.Validation;
using Kasify.Grains.Interfaces.Tasks;

namespace Kasify.Api.Tasks;

/// <summary>The optional body of a task completion.</summary>
internal sealed class CompleteTaskRequest : IValidatableRequest
{
    /// <summary>What was done; kept when absent.</summary>
    [MaxLength(TaskLimits.TextLength), FreeText]
    public string? JobReport { get; init; }
}
