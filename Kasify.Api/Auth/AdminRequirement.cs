using Microsoft.AspNetCore.Authorization;

namespace Kasify.Api.Auth;

/// <summary>The caller is a Kasify administrator; checked by <see cref="AdminAuthorizationHandler"/>.</summary>
internal sealed class AdminRequirement : IAuthorizationRequirement;
