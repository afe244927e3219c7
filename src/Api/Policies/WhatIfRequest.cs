using System.Text.Json;
using AutoRespond.Responders.WhatIf;

namespace AutoRespond.Api.Policies;

/// <summary>A what-if: the proposed policy, run over the stored incidents in [from, to) (default: every stored incident).</summary>
public sealed record WhatIfRequest(JsonElement? Policy, DateTimeOffset? From, DateTimeOffset? To);
