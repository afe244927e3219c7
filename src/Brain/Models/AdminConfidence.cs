namespace AutoRespond.Brain.Models;

/// <summary>
/// DETECTION.md §1.8 admin inference for RDP, as admin_confidence ∈ [0, 1]: the restricted-admin flag 0.9
/// (it needs local-admin rights on the target), a cookie user matching the admin lexicon (on its truncated
/// prefix, localized forms, org patterns adm-*, *-adm, *_admin) or a configured privileged account 0.7. The
/// strongest signal counts. None of it is conclusive: the cookie is optional, client-chosen and truncated.
/// </summary>
public static class AdminConfidence
{
    public const double RestrictedAdmin = 0.9;
    public const double AdminCookie = 0.7;

    private static readonly string[] Words =
        ["administrator", "administrateur", "administrador", "amministratore", "administratör", "administratorin", "beheerder", "sysadmin", "superuser"];

    private static readonly string[] Exact = ["admin", "adm", "root", "sa", "domainadmin"];

    public static double Of(string? cookie, bool restrictedAdmin, IReadOnlyList<string> privileged)
    {
        double confidence = restrictedAdmin ? RestrictedAdmin : 0;
        if (User(cookie) is { } user && (IsAdminName(user) || IsPrivileged(user, privileged)))
            confidence = Math.Max(confidence, AdminCookie);
        return confidence;
    }

    /// <summary>The user of an RDP cookie ("mstshash=DOMAIN\user" → "user"), lower case; null when absent.</summary>
    public static string? User(string? cookie)
    {
        if (string.IsNullOrWhiteSpace(cookie)) return null;
        string user = cookie.Trim();
        int eq = user.IndexOf("mstshash=", StringComparison.OrdinalIgnoreCase);
        if (eq >= 0) user = user[(eq + 9)..];
        int slash = user.LastIndexOf('\\');
        if (slash >= 0) user = user[(slash + 1)..];
        int at = user.IndexOf('@', StringComparison.Ordinal);
        if (at > 0) user = user[..at];
        user = user.Trim().ToLowerInvariant();
        return user.Length == 0 ? null : user;
    }

    public static bool IsAdminName(string user)
    {
        foreach (string exact in Exact) if (user == exact) return true;
        foreach (string word in Words)
            if (user.StartsWith(word, StringComparison.Ordinal) || (user.Length >= 5 && word.StartsWith(user, StringComparison.Ordinal)))
                return true;
        if (user.StartsWith("admin", StringComparison.Ordinal)) return true;
        foreach (string sep in (ReadOnlySpan<string>)["-", "_", "."])
        {
            if (user.StartsWith("adm" + sep, StringComparison.Ordinal)) return true;
            if (user.EndsWith(sep + "adm", StringComparison.Ordinal) || user.EndsWith(sep + "admin", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static bool IsPrivileged(string user, IReadOnlyList<string> privileged)
    {
        foreach (string account in privileged)
        {
            string name = User(account) ?? "";
            if (name.Length > 0 && (name == user || (user.Length >= 5 && name.StartsWith(user, StringComparison.Ordinal)))) return true;
        }
        return false;
    }
}
