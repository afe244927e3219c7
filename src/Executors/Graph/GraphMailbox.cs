using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Messages.Item.Move;
using KiotaApiException = Microsoft.Kiota.Abstractions.ApiException;

namespace AutoRespond.Executors.Graph;

/// <summary>The mailbox calls of quarantine-email, each with <c>Prefer: IdType="ImmutableId"</c>.</summary>
internal sealed class GraphMailbox(GraphServiceClient graph, string upn)
{
    private const string Prefer = "Prefer";

    /// <summary><c>GET /users/{upn}/mailFolders/{name|id}?$select=id</c>.</summary>
    public async Task<string> FolderIdAsync(string nameOrId, CancellationToken ct)
    {
        var folder = await graph.Users[upn].MailFolders[nameOrId].GetAsync(rc =>
        {
            rc.QueryParameters.Select = ["id"];
            rc.Headers.Add(Prefer, GraphQuarantineEmailExecutor.PreferImmutableId);
        }, ct);
        return folder?.Id ?? throw new InvalidOperationException("Graph answered a mail folder without an id");
    }

    /// <summary><c>GET /users/{upn}/messages?$search="term"&amp;$select=id,receivedDateTime,parentFolderId,subject&amp;$top=n</c>.</summary>
    public async Task<IReadOnlyList<Message>> SearchAsync(string term, int top, CancellationToken ct)
    {
        var page = await graph.Users[upn].Messages.GetAsync(rc =>
        {
            rc.QueryParameters.Search = "\"" + term.Replace("\"", "", StringComparison.Ordinal) + "\"";
            rc.QueryParameters.Select = ["id", "receivedDateTime", "parentFolderId", "subject"];
            rc.QueryParameters.Top = top;
            rc.Headers.Add(Prefer, GraphQuarantineEmailExecutor.PreferImmutableId);
        }, ct);
        return page?.Value ?? [];
    }

    /// <summary><c>POST /users/{upn}/messages/{id}/move</c> <c>{"DestinationId":…}</c>: the id after the move, or null when the message is gone (404).</summary>
    public async Task<string?> MoveAsync(string messageId, string destination, CancellationToken ct)
    {
        try
        {
            var moved = await graph.Users[upn].Messages[messageId].Move.PostAsync(
                new MovePostRequestBody { DestinationId = destination },
                rc => rc.Headers.Add(Prefer, GraphQuarantineEmailExecutor.PreferImmutableId), ct);
            return moved?.Id ?? messageId;
        }
        catch (KiotaApiException e) when (e.ResponseStatusCode == 404)
        {
            return null;
        }
    }

    /// <summary>Reads every message back (<c>$select=id,parentFolderId</c>): true when all sit in <paramref name="folderId"/>.</summary>
    public async Task<bool> AllInFolderAsync(IReadOnlyList<MovedMessage> messages, string folderId, CancellationToken ct)
    {
        foreach (var message in messages)
        {
            try
            {
                var read = await graph.Users[upn].Messages[message.CurrentId].GetAsync(rc =>
                {
                    rc.QueryParameters.Select = ["id", "parentFolderId"];
                    rc.Headers.Add(Prefer, GraphQuarantineEmailExecutor.PreferImmutableId);
                }, ct);
                if (read?.ParentFolderId != folderId)
                    return false;
            }
            catch (KiotaApiException e) when (e.ResponseStatusCode == 404)
            {
                return false;
            }
        }
        return true;
    }
}
