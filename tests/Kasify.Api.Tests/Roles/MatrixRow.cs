namespace Kasify.Api.Tests.Roles;

/// <summary>
/// One endpoint of the role matrix: its method and documented path template (plus a variant note when one endpoint has
/// several rows), how to build the request for a caller against the shared arrangement, and what each caller must get.
/// </summary>
internal sealed record MatrixRow(
    string Method,
    string Template,
    Func<RoleMatrixArrangement, Caller, Task<HttpRequestMessage>> Request,
    Expect Owner,
    Expect Manager,
    Expect Staff,
    Expect Contractor,
    Expect Stranger,
    Expect Anonymous,
    string? Variant = null)
{
    public string Name => Variant is null ? $"{Method} {Template}" : $"{Method} {Template} ({Variant})";

    public Expect For(Caller caller) => caller switch
    {
        Caller.Owner => Owner,
        Caller.Manager => Manager,
        Caller.Staff => Staff,
        Caller.Contractor => Contractor,
        Caller.Stranger => Stranger,
        Caller.Anonymous => Anonymous,
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, null),
    };
}
