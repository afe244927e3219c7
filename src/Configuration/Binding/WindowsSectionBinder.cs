using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace AutoRespond.Configuration.Binding;

/// <summary>Binds <c>windows:</c>, the change windows declared in the file.</summary>
internal static class WindowsSectionBinder
{
    private static readonly string[] Keys = ["name", "start", "end", "rrule", "tz", "scope", "effect", "cap_score"];
    private static readonly string[] ScopeKeys = ["devices", "zones", "users", "actions"];

    private static readonly ValueKind<WindowEffect> Effect =
        ValueKinds.OneOf(("suppress", WindowEffect.Suppress), ("confirm", WindowEffect.Confirm), ("cap", WindowEffect.Cap));

    public static IReadOnlyList<WindowConfig> Bind(BindContext context, YamlNode? node)
    {
        if (node is null || YamlBinder.IsNull(node)
            || YamlBinder.Items(context, node, "windows", "a list of change windows") is not { } items)
        {
            return [];
        }

        var windows = new List<(WindowConfig Window, YamlNode NameNode)>();
        for (var i = 0; i < items.Count; i++)
        {
            if (YamlSection.OpenItem(context, items[i], $"windows[{i}]", Keys, "a change window") is { } section
                && BindWindow(section) is { } window)
            {
                windows.Add((window, section["name"]!));
            }
        }

        YamlBinder.ReportDuplicates(
            context, windows, w => w.Name, w => $"windows: duplicate window name '{w.Name}'");
        return [.. windows.Select(w => w.Window)];
    }

    private static WindowConfig? BindWindow(YamlSection section)
    {
        var name = section.Get("name", ValueKinds.Text, required: true);
        var start = section.GetValue("start", ValueKinds.Time, required: true);
        var end = section.GetValue("end", ValueKinds.Time, required: true);
        var rrule = section.Get("rrule", ValueKinds.Rrule);
        var tz = section.Get("tz", ValueKinds.TimeZone);
        var scope = BindScope(section);
        var effect = section.GetValue("effect", Effect);
        var capScore = section.GetValue("cap_score", ValueKinds.Score);

        if (start is { } s && end is { } e && e <= s)
        {
            var startText = s.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
            section.Context.Error(section["end"]!, $"{section.PathOf("end")}: end must be after start ({startText})");
        }

        if (effect == WindowEffect.Cap)
        {
            section.Require("cap_score");
        }
        else if (effect is not null || !section.Has("effect"))
        {
            section.RejectIfPresent("cap_score", "'cap_score' is only used with effect: cap");
        }

        // With a missing or bad value the load fails anyway; the partial window only needs to be skipped.
        if (name is null || start is null || end is null)
        {
            return null;
        }

        return new WindowConfig(
            name, start.Value, end.Value, rrule, tz, scope, effect ?? WindowEffect.Suppress,
            effect == WindowEffect.Cap ? capScore : null);
    }

    private static WindowScope BindScope(YamlSection section)
    {
        if (section.Mapping("scope", ScopeKeys) is not { } scope)
        {
            return WindowScope.Empty;
        }

        return new WindowScope(
            scope.GetList("devices", "a list of CIDRs", ValueKinds.Network) ?? [],
            scope.GetList("zones", "a list of zone names", ValueKinds.Text) ?? [],
            scope.GetList("users", "a list of user principal names", ValueKinds.UserPrincipal) ?? [],
            scope.GetList("actions", "a list of action kinds", ValueKinds.ActionKind) ?? []);
    }
}
