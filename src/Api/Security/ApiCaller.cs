using System.Security.Claims;

namespace AutoRespond.Api.Security;

/// <summary>Who is calling: the key's name from the configuration (what the audit log records).</summary>
internal static class ApiCaller
{
    public static string NameOf(ClaimsPrincipal user) => user.Identity?.Name is { Length: > 0 } name ? name : "anonymous";
}
