using YamlDotNet.RepresentationModel;

namespace AutoRespond.Configuration.Binding;

/// <summary>Binds <c>response:</c>: mode, ladder and limits. Scoped zones must be declared in <c>network.zones</c>.</summary>
internal static class ResponseSectionBinder
{
    private static readonly string[] Keys = ["mode", "ladder", "limits"];
    private static readonly string[] StepKeys = ["min_score", "actions", "duration", "scope"];
    private static readonly string[] ScopeKeys = ["zones", "devices", "roles"];
    private static readonly string[] LimitKeys = ["max_active_actions", "max_new_actions_per_hour"];

    private static readonly ValueKind<ResponseMode> Mode = ValueKinds.OneOf(
        ("autonomous", ResponseMode.Autonomous), ("confirm", ResponseMode.Confirm), ("dry-run", ResponseMode.DryRun));

    private static readonly ValueKind<int> Limit = ValueKinds.Integer(1, int.MaxValue);

    public static ResponseConfig Bind(BindContext context, YamlNode? node, NetworkConfig network)
    {
        if (YamlSection.Open(context, node, "response", Keys) is not { } section)
        {
            return ResponseConfig.Default;
        }

        return new ResponseConfig
        {
            Mode = section.GetValue("mode", Mode) ?? ResponseMode.DryRun,
            Ladder = BindLadder(section, network),
            Limits = BindLimits(section),
            IsExplicit = true,
        };
    }

    private static IReadOnlyList<LadderStep> BindLadder(YamlSection section, NetworkConfig network)
    {
        if (section.GetItems("ladder", "a list of ladder steps") is not { } items)
        {
            return ResponseConfig.DefaultLadder;
        }

        if (items.Count == 0)
        {
            section.Context.Error(section["ladder"]!,
                $"{section.PathOf("ladder")}: a ladder needs at least one step; leave 'ladder' out for the default ladder");
        }

        var steps = new List<LadderStep>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"{section.PathOf("ladder")}[{i}]";
            if (YamlSection.OpenItem(section.Context, items[i], path, StepKeys, "a ladder step") is not { } step)
            {
                continue;
            }

            var minScore = step.GetValue("min_score", ValueKinds.Score, required: true);
            var actions = BindActions(step);
            var duration = step.GetValue("duration", ValueKinds.Duration);
            if (duration == TimeSpan.Zero)
            {
                section.Context.Error(step["duration"]!, $"{step.PathOf("duration")}: must be longer than 0s; leave it out for actions that do not expire");
            }

            var scope = BindScope(step, network);
            if (minScore is { } score && actions is not null)
            {
                steps.Add(new LadderStep(score, actions, duration, scope));
            }
        }

        return [.. steps];
    }

    private static IReadOnlyList<string>? BindActions(YamlSection step)
    {
        if (step.Require("actions") is null)
        {
            return null;
        }

        var actions = step.GetList("actions", "a list of action kinds", ValueKinds.ActionKind);
        if (actions is null)
        {
            return null;
        }

        var node = (YamlSequenceNode)step["actions"]!;
        if (node.Children.Count == 0)
        {
            step.Context.Error(node, $"{step.PathOf("actions")}: a step needs at least one action");
        }

        YamlBinder.ReportDuplicates(
            step.Context,
            node.Children.OfType<YamlScalarNode>().Select(n => (n.Value ?? string.Empty, (YamlNode)n)),
            a => a,
            a => $"{step.PathOf("actions")}: action '{a}' is listed twice");
        return actions;
    }

    private static ScopeConfig? BindScope(YamlSection step, NetworkConfig network)
    {
        if (step.Mapping("scope", ScopeKeys) is not { } scope)
        {
            return null;
        }

        var zones = scope.GetList("zones", "a list of zone names", ValueKinds.Text) ?? [];
        if (scope["zones"] is YamlSequenceNode zoneNodes)
        {
            foreach (var zoneNode in zoneNodes.Children.OfType<YamlScalarNode>())
            {
                if (zoneNode.Value is { Length: > 0 } name && network.FindZone(name) is null)
                {
                    var declared = network.Zones.Count == 0 ? "no zones are declared in network.zones"
                        : "declared zones: " + string.Join(", ", network.Zones.Select(z => z.Name));
                    scope.Context.Error(zoneNode, $"{scope.PathOf("zones")}: unknown zone '{name}'; {declared}");
                }
            }
        }

        return new ScopeConfig(
            zones,
            scope.GetList("devices", "a list of CIDRs", ValueKinds.Network) ?? [],
            scope.GetList("roles", "a list of device roles", ValueKinds.Text) ?? []);
    }

    private static LimitsConfig BindLimits(YamlSection section)
    {
        if (section.Mapping("limits", LimitKeys) is not { } limits)
        {
            return LimitsConfig.Default;
        }

        return new LimitsConfig(
            limits.GetValue("max_active_actions", Limit) ?? LimitsConfig.Default.MaxActiveActions,
            limits.GetValue("max_new_actions_per_hour", Limit) ?? LimitsConfig.Default.MaxNewActionsPerHour);
    }
}
