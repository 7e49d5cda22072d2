namespace Kasify.Api.Accounts;

/// <summary>Languages Kasify speaks to its users (and in which it sends e-mail).</summary>
internal enum AccountLocale
{
    En,
    Es,
}
