namespace Kasify.Grains.Integrations.Ses;

/// <summary>One rule a communication breaks before it is sent.</summary>
/// <param name="Path">Where, such as <c>stays[0].guests[1].numeroDocumento</c>.</param>
/// <param name="Rule">Stable kebab-case rule id, such as <c>document.checksum</c>.</param>
/// <param name="Message">What is wrong.</param>
public sealed record SesRuleViolation(string Path, string Rule, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Message} ({Rule})";
}
