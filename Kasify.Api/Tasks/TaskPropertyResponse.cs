namespace Kasify.Api.Tasks;

/// <summary>The property a task is at: id and name.</summary>
internal sealed record TaskPropertyResponse(Guid Id, string Name);
