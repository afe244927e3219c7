using System.Text.Json.Nodes;
using AutoRespond.Executors.Common;
using Refit;

namespace AutoRespond.Executors.Tickets.Jira;

/// <summary>
/// The Jira Cloud REST v3 calls of the ticket kind (INTEGRATIONS.md §4.3); <c>Authorization: Basic base64(email:api_token)</c>
/// is set on the client. Search and PUT are idempotent; the create, transition and comment are not retried blindly.
/// </summary>
[Headers("Accept: application/json")]
internal interface IJiraApi
{
    [Post("/rest/api/3/search/jql")]
    Task<JiraSearchResult> SearchAsync([Body] JiraSearchRequest body, [Property(IdempotentCall.Key)] bool idempotent = true, CancellationToken ct = default);

    [Post("/rest/api/3/issue")]
    Task<JiraCreated> CreateAsync([Body] JsonObject body, CancellationToken ct);

    [Put("/rest/api/3/issue/{key}")]
    Task UpdateAsync(string key, [Body] JsonObject body, CancellationToken ct);

    [Get("/rest/api/3/issue/{key}/transitions")]
    Task<JiraTransitions> TransitionsAsync(string key, CancellationToken ct);

    [Post("/rest/api/3/issue/{key}/transitions")]
    Task TransitionAsync(string key, [Body] JsonObject body, CancellationToken ct);

    [Post("/rest/api/3/issue/{key}/comment")]
    Task CommentAsync(string key, [Body] JsonObject body, CancellationToken ct);
}
