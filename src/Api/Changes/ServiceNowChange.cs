using System.Text.Json;

namespace AutoRespond.Api.Changes;

/// <summary>
/// A ServiceNow <c>change_request</c> as a business rule or outbound REST message posts it (field names of the
/// table, values as strings; other fields are ignored). <c>cmdb_ci</c> (and <c>configuration_items</c>) name the
/// affected devices by address, CIDR or hostname. States (INTEGRATIONS.md §4.2): −2 Scheduled and −1 Implement create
/// or update the window; 0 Review, 3 Closed and 4 Canceled remove it; −5 New, −4 Assess and −3 Authorize are ignored.
/// </summary>
public sealed record ServiceNowChange(
    string? SysId,
    string? Number,
    JsonElement? State,
    string? StartDate,
    string? EndDate,
    JsonElement? CmdbCi,
    IReadOnlyList<string>? ConfigurationItems,
    string? ShortDescription,
    string? Effect);
