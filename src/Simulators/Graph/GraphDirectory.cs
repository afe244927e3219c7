using System.Globalization;

namespace AutoRespond.Simulators.Graph;

/// <summary>
/// The simulated tenant: users (with <c>accountEnabled</c>, <c>signInSessionsValidFromDateTime</c> and their Identity
/// Protection risk state), their mailboxes, the access tokens the token endpoint issued, and remediation requests.
/// Thread-safe: every member takes the one lock.
/// </summary>
public sealed class GraphDirectory
{
    /// <summary>The well-known folder names a mailbox is created with.</summary>
    public static readonly IReadOnlyList<string> WellKnownFolders = ["inbox", "junkemail", "deleteditems", "archive", "recoverableitemsdeletions"];

    private readonly Lock _lock = new();
    private readonly List<SimUser> _users = [];
    private readonly Dictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly List<string> _remediations = [];
    private long _sequence;

    /// <summary>
    /// Whether a move keeps the id when the request says <c>Prefer: IdType="ImmutableId"</c> (Graph does). Off: every move
    /// gives a new id whatever the request asks, to prove a client tracks the id the move returned.
    /// </summary>
    public bool HonourImmutableId { get; set; } = true;

    /// <summary>Adds a user with an empty mailbox (inbox, junkemail, deleteditems, archive, recoverableitemsdeletions).</summary>
    public SimUser AddUser(string userPrincipalName, string? displayName = null, bool accountEnabled = true)
    {
        lock (_lock)
        {
            if (FindUnlocked(userPrincipalName) is { } existing)
                return existing;
            var user = new SimUser(Guid.NewGuid().ToString(), userPrincipalName, displayName ?? userPrincipalName.Split('@')[0])
            {
                AccountEnabled = accountEnabled,
            };
            foreach (var name in WellKnownFolders)
                user.Folders[name] = "AAMkFolder-" + name + "-" + user.Id[..8];
            _users.Add(user);
            return user;
        }
    }

    /// <summary>A user by object id or user principal name (case-insensitive), or null.</summary>
    public SimUser? Find(string idOrUpn)
    {
        lock (_lock)
            return FindUnlocked(idOrUpn);
    }

    /// <summary>Runs <paramref name="change"/> on a user under the directory's lock; false when the user does not exist.</summary>
    public bool Update(string idOrUpn, Action<SimUser> change)
    {
        lock (_lock)
        {
            if (FindUnlocked(idOrUpn) is not { } user)
                return false;
            change(user);
            return true;
        }
    }

    /// <summary>Reads a user under the lock (a snapshot), or default when the user does not exist.</summary>
    public T? Read<T>(string idOrUpn, Func<SimUser, T> read)
    {
        lock (_lock)
            return FindUnlocked(idOrUpn) is { } user ? read(user) : default;
    }

    /// <summary>Puts a message into a user's folder (inbox by default) and returns its id.</summary>
    public string? AddMessage(string idOrUpn, string subject, string body, string from, DateTimeOffset received, string folder = "inbox")
    {
        lock (_lock)
        {
            if (FindUnlocked(idOrUpn) is not { } user || FolderIdUnlocked(user, folder) is not { } folderId)
                return null;
            var message = new SimMessage(NewMessageId(), subject, body, from, received) { FolderId = folderId };
            user.Messages.Add(message);
            return message.Id;
        }
    }

    /// <summary>A folder id from a well-known name or an id; null when the mailbox has no such folder.</summary>
    public static string? FolderId(SimUser user, string nameOrId) => FolderIdUnlocked(user, nameOrId);

    /// <summary>A new message id, in the shape of an Exchange item id.</summary>
    public string NewMessageId() =>
        "AAMkAGI2T" + Interlocked.Increment(ref _sequence).ToString("x8", CultureInfo.InvariantCulture) + "AAA=";

    public void IssueToken(string token, DateTimeOffset expires)
    {
        lock (_lock)
            _tokens[token] = expires;
    }

    public bool TokenValid(string token, DateTimeOffset now)
    {
        lock (_lock)
            return _tokens.TryGetValue(token, out var expires) && now < expires;
    }

    public void AddRemediation(string body)
    {
        lock (_lock)
            _remediations.Add(body);
    }

    public IReadOnlyList<string> Remediations()
    {
        lock (_lock)
            return [.. _remediations];
    }

    private SimUser? FindUnlocked(string idOrUpn) =>
        _users.FirstOrDefault(u => string.Equals(u.Id, idOrUpn, StringComparison.OrdinalIgnoreCase)
            || string.Equals(u.UserPrincipalName, idOrUpn, StringComparison.OrdinalIgnoreCase));

    private static string? FolderIdUnlocked(SimUser user, string nameOrId)
    {
        if (user.Folders.TryGetValue(nameOrId.ToLowerInvariant(), out var id))
            return id;
        return user.Folders.Values.FirstOrDefault(v => string.Equals(v, nameOrId, StringComparison.Ordinal));
    }
}
