using AutoRespond.Executors.Common;
using Refit;

namespace AutoRespond.Executors.Switches.IosXe;

/// <summary>
/// The Cisco IOS-XE RESTCONF calls switch-quarantine uses (INTEGRATIONS.md §3.1, RFC 8040): the extended ACL in
/// the native model, read, merged (PATCH) and one entry deleted. <c>application/yang-data+json</c> both ways; HTTP
/// Basic (privilege 15), set on the client. A PATCH that merges the same entry again changes nothing, so it is
/// marked for retry; GET and DELETE are retried as idempotent methods.
/// </summary>
internal interface IIosXeApi
{
    [Get("/restconf/data/Cisco-IOS-XE-native:native/ip/access-list/Cisco-IOS-XE-acl:extended={acl}")]
    [Headers("Accept: application/yang-data+json")]
    Task<IosXeAclDocument> GetAclAsync(string acl, CancellationToken ct);

    [Patch("/restconf/data/Cisco-IOS-XE-native:native/ip/access-list/Cisco-IOS-XE-acl:extended={acl}")]
    [Headers("Accept: application/yang-data+json", "Content-Type: application/yang-data+json")]
    Task PatchAclAsync(string acl, [Body] IosXeAclDocument body,
        [Property(IdempotentCall.Key)] bool idempotent = true, CancellationToken ct = default);

    [Delete("/restconf/data/Cisco-IOS-XE-native:native/ip/access-list/Cisco-IOS-XE-acl:extended={acl}/access-list-seq-rule={sequence}")]
    [Headers("Accept: application/yang-data+json")]
    Task DeleteEntryAsync(string acl, long sequence, CancellationToken ct);
}
