namespace Kasify.Api.Tests.Roles;

/// <summary>Who calls an endpoint in the role matrix: a role on the matrix's property, a registered user without one, or nobody.</summary>
internal enum Caller
{
    Owner,
    Manager,
    Staff,
    Contractor,
    Stranger,
    Anonymous,
}
