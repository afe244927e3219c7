using System.Security.Claims;
using System.Text.Json;
using AutoRespond.Api.Problems;
using AutoRespond.Storage;

namespace AutoRespond.Api.Security;

/// <summary>Every write through the API goes to the audit log with the key's name as the actor.</summary>
internal sealed class ApiAudit(IAuditLog log, TimeProvider time)
{
    public Task WriteAsync(ClaimsPrincipal user, string verb, string subjectType, string subjectId, object? detail,
        CancellationToken cancellationToken, string? incidentId = null) =>
        log.AppendAsync(new AuditEntry(time.GetUtcNow(), ApiCaller.NameOf(user), verb, subjectType, subjectId,
            detail is null ? null : JsonSerializer.Serialize(detail, ApiJson.Output), incidentId), cancellationToken);
}
