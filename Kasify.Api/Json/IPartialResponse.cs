namespace Kasify.Api.Json;

/// <summary>
/// A response type whose instances show only some of its fields: the schema documents every field, and each instance
/// says which of them it carries. Fields it leaves out are absent from the JSON, not null (see
/// <see cref="PartialResponses.LeaveOutHiddenFields"/>).
/// </summary>
internal interface IPartialResponse
{
    /// <summary>Whether this instance carries the field with this wire (snake_case) name.</summary>
    bool Shows(string field);
}
