using static AutoRespond.Configuration.Tests.ConfigTestHelpers;

namespace AutoRespond.Configuration.Tests;

public class ResponseErrorTests
{
    [Fact]
    public void LoadText_MinScoreNotANumber_ExpectsNumberBetweenZeroAndOne()
    {
        SingleError("response:\n  ladder:\n    - { min_score: high, actions: [ticket] }\n",
            3, 20, "response.ladder[0].min_score: expected a number between 0 and 1, got 'high'");
    }

    [Fact]
    public void LoadText_MinScoreAboveOne_IsRejected()
    {
        SingleError("response:\n  ladder:\n    - { min_score: 1.5, actions: [ticket] }\n",
            3, 20, "expected a number between 0 and 1, got '1.5'");
    }

    [Fact]
    public void LoadText_UnknownActionKind_ListsTheKinds()
    {
        SingleError("response:\n  ladder:\n    - { min_score: 0.5, actions: [ticket, nuke] }\n",
            3, 43, "expected an action kind (one of ticket, tcp-reset, firewall-block, switch-quarantine, revoke-sessions, disable-user, quarantine-email), got 'nuke'");
    }

    [Fact]
    public void LoadText_ActionListedTwice_IsRejected()
    {
        SingleError("response:\n  ladder:\n    - { min_score: 0.5, actions: [ticket, ticket] }\n",
            3, 43, "action 'ticket' is listed twice");
    }

    [Fact]
    public void LoadText_StepWithoutActions_ReportsMissingKey()
    {
        SingleError("response:\n  ladder:\n    - min_score: 0.5\n", 3, 7, "missing required key 'actions' in 'response.ladder[0]'");
    }

    [Fact]
    public void LoadText_ScopeNamesUndeclaredZone_ListsDeclaredZones()
    {
        const string yaml = """
            network:
              zones: [ { name: Office, cidrs: [10.1.0.0/16] } ]
            response:
              ladder:
                - { min_score: 0.9, actions: [ticket], scope: { zones: [Ofice] } }
            """;

        SingleError(yaml, 5, 61, "response.ladder[0].scope.zones: unknown zone 'Ofice'; declared zones: Office");
    }

    [Fact]
    public void LoadText_UnknownKeyInScope_NamesNestedPath()
    {
        SingleError("response:\n  ladder:\n    - { min_score: 0.9, actions: [ticket], scope: { zone: [A] } }\n",
            3, 53, "unknown key 'zone' in 'response.ladder[0].scope'; expected one of: zones, devices, roles");
    }

    [Fact]
    public void LoadText_ZeroDuration_IsRejectedForLadderStep()
    {
        SingleError("response:\n  ladder:\n    - { min_score: 0.9, actions: [tcp-reset], duration: 0s }\n",
            3, 57, "must be longer than 0s");
    }

    [Fact]
    public void LoadText_EmptyLadder_IsRejected()
    {
        SingleError("response:\n  ladder: []\n", 2, 11, "a ladder needs at least one step");
    }

    [Fact]
    public void LoadText_NullLadderStep_IsRejected()
    {
        SingleError("response:\n  ladder: [ ~ ]\n", 2, 13, "response.ladder[0]: expected a ladder step, got an empty value");
    }

    [Fact]
    public void LoadText_UnknownMode_ListsModes()
    {
        SingleError("response:\n  mode: auto\n", 2, 9, "response.mode: expected one of autonomous, confirm, dry-run, got 'auto'");
    }

    [Fact]
    public void LoadText_ZeroLimit_IsRejected()
    {
        SingleError("response:\n  limits: { max_new_actions_per_hour: 0 }\n", 2, 39, "expected a whole number of at least 1, got '0'");
    }

    [Theory]
    [InlineData("5 minutes")]
    [InlineData("-1h")]
    [InlineData("1.5h")]
    [InlineData("10")]
    [InlineData("1w")]
    [InlineData("1H")]
    public void LoadText_BadDuration_ShowsTheAcceptedForms(string text)
    {
        SingleError($"learning:\n  period: {text}\n", 2, 11, $"learning.period: expected a duration like 30s, 15m, 24h or 7d, got '{text}'");
    }
}
