using System.Text.Json;
using AutoRespond.Responders.WhatIf;

namespace AutoRespond.Api.Policies;

/// <summary>The what-if result: the actions whose outcome differs between the policy in force and the proposed one.</summary>
public sealed record WhatIfResult(int Incidents, int CurrentVersion, IReadOnlyList<ActionDifference> Differences);
