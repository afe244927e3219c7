using AutoRespond.Configuration;

namespace AutoRespond.Api.Security;

/// <summary>Role names (CONTRACT.md §2) and the authorization policies the routes use (CONTRACT.md §5).</summary>
public static class ApiRoles
{
    public const string Admin = "admin";
    public const string Scheduler = "scheduler";
    public const string Viewer = "viewer";
    public const string Ticketing = "ticketing";

    /// <summary>GET of incidents, actions, windows, policies and devices: every role but ticketing.</summary>
    public const string ReadPolicy = "read";

    /// <summary>Writes to incidents, actions and policies: admin.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>Writes to windows: admin and scheduler.</summary>
    public const string WindowsPolicy = "windows";

    /// <summary>Inbound change requests (and posted identity/email events): ticketing and admin.</summary>
    public const string ChangesPolicy = "changes";

    /// <summary>The roles each policy allows, as documented in the OpenAPI document (<c>x-roles</c>).</summary>
    public static IReadOnlyDictionary<string, string[]> PolicyRoles { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [ReadPolicy] = [Admin, Scheduler, Viewer],
        [AdminPolicy] = [Admin],
        [WindowsPolicy] = [Admin, Scheduler],
        [ChangesPolicy] = [Ticketing, Admin],
    };

    public static string NameOf(ApiRole role) => role switch
    {
        ApiRole.Admin => Admin,
        ApiRole.Scheduler => Scheduler,
        ApiRole.Viewer => Viewer,
        _ => Ticketing,
    };
}
