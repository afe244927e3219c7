using System.Text.Json;
using AutoRespond.Responders.WhatIf;

namespace AutoRespond.Api.Policies;

/// <summary>A new policy (<c>mode</c>, <c>ladder</c>, <c>limits</c> as in the config file) and a change note.</summary>
public sealed record PolicyRequest(JsonElement? Policy, string? Note);
