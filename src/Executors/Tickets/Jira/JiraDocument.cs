using System.Globalization;
using System.Text.Json.Nodes;
using AutoRespond.Executors.Tickets.Content;

namespace AutoRespond.Executors.Tickets.Jira;

/// <summary>
/// The ticket's narrative as an Atlassian Document Format document (Jira Cloud v3 refuses a plain-string description):
/// <c>{"type":"doc","version":1,"content":[paragraph, heading, bulletList…]}</c>, ending with the fingerprint paragraph.
/// </summary>
internal static class JiraDocument
{
    public static JsonObject Build(TicketContent content)
    {
        var i = content.Incident;
        var blocks = new JsonArray
        {
            Paragraph(i.Summary),
            Heading("Incident"),
            Bullets(
            [
                string.Create(CultureInfo.InvariantCulture, $"Incident {i.Id} (revision {i.Revision}), category {i.Category}, score {i.Score:0.00}"),
                "Device: " + TicketContent.DeviceText(i.Device),
                $"Activity: {TicketContent.Time(i.FirstSeen)} to {TicketContent.Time(i.LastSeen)}",
                "Models: " + string.Join(", ", i.Models),
                "ATT&CK: " + (i.Attack.Count > 0 ? string.Join(", ", i.Attack) : "none"),
            ]),
            Heading("Breaches"),
        };
        if (i.Breaches.Count == 0)
            blocks.Add(Paragraph("none"));
        else
            blocks.Add(new JsonObject { ["type"] = "bulletList", ["content"] = new JsonArray([.. i.Breaches.Select(b => Item(
                string.Create(CultureInfo.InvariantCulture, $"{TicketContent.Time(b.Time)} {b.Model} (score {b.Score:0.00}): {b.Summary}"),
                b.Evidence.Count == 0 ? null
                    : "Evidence: " + string.Join("; ", b.Evidence.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={TicketContent.Evidence(e.Value)}"))))]) });
        blocks.Add(Heading("Actions"));
        blocks.Add(content.Actions.Count == 0 ? Paragraph("none yet") : Bullets([.. content.Actions.Select(a => TicketContent.ActionText(a)[2..])]));
        blocks.Add(Paragraph(TicketContent.FingerprintLabel + content.Fingerprint));
        return new JsonObject { ["type"] = "doc", ["version"] = 1, ["content"] = blocks };
    }

    public static JsonObject Paragraph(string text) => new()
    {
        ["type"] = "paragraph",
        ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text.Length == 0 ? "-" : text }),
    };

    private static JsonObject Heading(string text) => new()
    {
        ["type"] = "heading",
        ["attrs"] = new JsonObject { ["level"] = 3 },
        ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
    };

    private static JsonObject Bullets(IEnumerable<string> items) =>
        new() { ["type"] = "bulletList", ["content"] = new JsonArray([.. items.Select(t => Item(t, null))]) };

    private static JsonObject Item(string text, string? second)
    {
        var content = new JsonArray(Paragraph(text));
        if (second is not null)
            content.Add(Paragraph(second));
        return new JsonObject { ["type"] = "listItem", ["content"] = content };
    }
}
