using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using AutoRespond.Configuration;
using AutoRespond.Contracts;

namespace AutoRespond.Responders.Policy;

/// <summary>A stored policy that cannot be read: not JSON, unknown keys, or values the config file would reject.</summary>
public sealed class PolicyFormatException(IReadOnlyList<string> problems)
    : Exception("invalid policy: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// The response policy (<see cref="ResponseConfig"/>: mode, ladder, limits) as JSON with the names of the
/// <c>response:</c> section of the config file (CONTRACT.md §2): <c>mode</c> (<c>autonomous</c> | <c>confirm</c> |
/// <c>dry-run</c>), <c>ladder</c> of <c>{min_score, actions, duration, scope: {zones, devices, roles}}</c> and
/// <c>limits: {max_active_actions, max_new_actions_per_hour}</c>. Durations are text as in the file
/// (<c>30s</c>, <c>15m</c>, <c>1h</c>, <c>7d</c>). Unknown keys are errors; absent keys take the file's defaults.
/// </summary>
public static partial class ResponsePolicyJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
    };

    public static string Serialize(ResponseConfig response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var dto = new PolicyDto
        {
            Mode = ModeName(response.Mode),
            Ladder = [.. response.Ladder.Select(s => new StepDto
            {
                MinScore = s.MinScore,
                Actions = [.. s.Actions],
                Duration = s.Duration is { } d ? FormatDuration(d) : null,
                Scope = s.Scope is { } scope
                    ? new ScopeDto { Zones = [.. scope.Zones], Devices = [.. scope.Devices.Select(n => n.ToString())], Roles = [.. scope.Roles] }
                    : null,
            })],
            Limits = new LimitsDto
            {
                MaxActiveActions = response.Limits.MaxActiveActions,
                MaxNewActionsPerHour = response.Limits.MaxNewActionsPerHour,
            },
        };
        return JsonSerializer.Serialize(dto, Options);
    }

    /// <summary>Reads a policy; scoped zones must be declared in <paramref name="network"/>.</summary>
    /// <exception cref="PolicyFormatException">The JSON is not a valid policy; every problem is listed.</exception>
    public static ResponseConfig Parse(string json, NetworkConfig network)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(network);
        PolicyDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<PolicyDto>(json, Options);
        }
        catch (JsonException e)
        {
            throw new PolicyFormatException([$"response: not a policy document ({e.Message})"]);
        }
        if (dto is null) throw new PolicyFormatException(["response: the policy is null"]);

        var problems = new List<string>();
        var mode = ResponseMode.DryRun;
        if (dto.Mode is not null && !TryParseMode(dto.Mode, out mode))
            problems.Add($"response.mode: '{dto.Mode}' is not one of autonomous, confirm, dry-run");

        IReadOnlyList<LadderStep> ladder = ResponseConfig.DefaultLadder;
        if (dto.Ladder is not null)
        {
            if (dto.Ladder.Count == 0)
                problems.Add("response.ladder: a ladder needs at least one step; leave 'ladder' out for the default ladder");
            var steps = new List<LadderStep>(dto.Ladder.Count);
            for (int i = 0; i < dto.Ladder.Count; i++)
            {
                if (ReadStep(dto.Ladder[i], $"response.ladder[{i}]", network, problems) is { } step) steps.Add(step);
            }
            ladder = steps;
        }

        var limits = LimitsConfig.Default;
        if (dto.Limits is { } l)
        {
            int active = l.MaxActiveActions ?? LimitsConfig.Default.MaxActiveActions;
            int perHour = l.MaxNewActionsPerHour ?? LimitsConfig.Default.MaxNewActionsPerHour;
            if (active < 1) problems.Add($"response.limits.max_active_actions: {active} is not a whole number >= 1");
            if (perHour < 1) problems.Add($"response.limits.max_new_actions_per_hour: {perHour} is not a whole number >= 1");
            limits = new LimitsConfig(active, perHour);
        }

        if (problems.Count > 0) throw new PolicyFormatException(problems);
        return new ResponseConfig { Mode = mode, Ladder = ladder, Limits = limits, IsExplicit = true };
    }

    private static LadderStep? ReadStep(StepDto? step, string path, NetworkConfig network, List<string> problems)
    {
        if (step is null)
        {
            problems.Add($"{path}: a ladder step cannot be null");
            return null;
        }
        int before = problems.Count;
        if (step.MinScore is not { } score) problems.Add($"{path}.min_score: required");
        else if (!double.IsFinite(score) || score < 0 || score > 1) problems.Add($"{path}.min_score: {score.ToString(CultureInfo.InvariantCulture)} is not a score in [0, 1]");

        if (step.Actions is not { Count: > 0 } actions)
        {
            problems.Add($"{path}.actions: at least one action kind is required");
            actions = [];
        }
        for (int i = 0; i < actions.Count; i++)
        {
            if (actions[i] is null)
                problems.Add($"{path}.actions[{i}]: null is not an action kind");
            else if (!ActionKinds.All.Contains(actions[i], StringComparer.Ordinal))
                problems.Add($"{path}.actions[{i}]: '{actions[i]}' is not an action kind (one of {string.Join(", ", ActionKinds.All)})");
            else if (actions.IndexOf(actions[i]) < i)
                problems.Add($"{path}.actions[{i}]: '{actions[i]}' is repeated");
        }

        TimeSpan? duration = null;
        if (step.Duration is { } text)
        {
            if (TryParseDuration(text, out var parsed)) duration = parsed;
            else problems.Add($"{path}.duration: '{text}' is not a duration > 0 like 30s, 15m, 24h or 7d");
        }

        ScopeConfig? scope = null;
        if (step.Scope is { } s)
        {
            if (NullItem(s.Zones) is { } zi) problems.Add($"{path}.scope.zones[{zi}]: null is not a zone name");
            if (NullItem(s.Devices) is { } di) problems.Add($"{path}.scope.devices[{di}]: null is not an IP address or CIDR");
            if (NullItem(s.Roles) is { } ri) problems.Add($"{path}.scope.roles[{ri}]: null is not a role");
            if (problems.Count > before) return null;
            var zones = s.Zones ?? [];
            foreach (var zone in zones)
            {
                if (network.FindZone(zone) is null)
                {
                    var declared = network.Zones.Count == 0 ? "no zones are declared in network.zones"
                        : "declared zones: " + string.Join(", ", network.Zones.Select(z => z.Name));
                    problems.Add($"{path}.scope.zones: unknown zone '{zone}'; {declared}");
                }
            }
            var devices = new List<IPNetwork>();
            foreach (var device in s.Devices ?? [])
            {
                if (TryParseNetwork(device, out var net)) devices.Add(net);
                else problems.Add($"{path}.scope.devices: '{device}' is not an IP address or CIDR");
            }
            scope = new ScopeConfig(zones, devices, s.Roles ?? []);
        }

        return problems.Count > before ? null : new LadderStep(step.MinScore!.Value, actions, duration, scope);
    }

    /// <summary>The index of the first null item (JSON <c>null</c> in a list of names), or null when there is none.</summary>
    private static int? NullItem(List<string>? items)
    {
        int i = items?.IndexOf(null!) ?? -1;
        return i < 0 ? null : i;
    }

    private static string ModeName(ResponseMode mode) => mode switch
    {
        ResponseMode.Autonomous => "autonomous",
        ResponseMode.Confirm => "confirm",
        _ => "dry-run",
    };

    private static bool TryParseMode(string text, out ResponseMode mode)
    {
        (bool ok, mode) = text switch
        {
            "autonomous" => (true, ResponseMode.Autonomous),
            "confirm" => (true, ResponseMode.Confirm),
            "dry-run" => (true, ResponseMode.DryRun),
            _ => (false, ResponseMode.DryRun),
        };
        return ok;
    }

    internal static string FormatDuration(TimeSpan duration)
    {
        long seconds = (long)duration.TotalSeconds;
        if (duration.Ticks % TimeSpan.TicksPerSecond != 0 || seconds <= 0)
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A policy duration is a whole number of seconds > 0.");
        return seconds % 86400 == 0 ? $"{seconds / 86400}d"
            : seconds % 3600 == 0 ? $"{seconds / 3600}h"
            : seconds % 60 == 0 ? $"{seconds / 60}m"
            : $"{seconds}s";
    }

    private static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        var match = DurationPattern().Match(text);
        if (!match.Success) return false;
        long amount = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        long unit = match.Groups[2].Value switch { "s" => 1L, "m" => 60L, "h" => 3600L, _ => 86400L };
        if (amount == 0 || amount * unit > (long)TimeSpan.MaxValue.TotalSeconds) return false;
        duration = TimeSpan.FromSeconds(amount * unit);
        return true;
    }

    private static bool TryParseNetwork(string text, out IPNetwork network)
    {
        network = default;
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        if (!IPAddress.TryParse(slash < 0 ? text : text[..slash], out var address)) return false;
        if (slash < 0)
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        // The base address must be the network's: "10.0.0.1/24" is rejected rather than silently widened.
        return IPNetwork.TryParse(text, out network) && network.BaseAddress.Equals(address);
    }

    [GeneratedRegex(@"^([0-9]{1,9})([smhd])$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    private sealed class PolicyDto
    {
        public string? Mode { get; set; }

        public List<StepDto?>? Ladder { get; set; }

        public LimitsDto? Limits { get; set; }
    }

    private sealed class StepDto
    {
        public double? MinScore { get; set; }

        public List<string>? Actions { get; set; }

        public string? Duration { get; set; }

        public ScopeDto? Scope { get; set; }
    }

    private sealed class ScopeDto
    {
        public List<string>? Zones { get; set; }

        public List<string>? Devices { get; set; }

        public List<string>? Roles { get; set; }
    }

    private sealed class LimitsDto
    {
        public int? MaxActiveActions { get; set; }

        public int? MaxNewActionsPerHour { get; set; }
    }
}
