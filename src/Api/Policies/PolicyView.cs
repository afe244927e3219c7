using System.Text.Json;
using AutoRespond.Responders.WhatIf;

namespace AutoRespond.Api.Policies;

/// <summary>The policy in the store (or the config file's, version 0): the <c>response:</c> section as JSON.</summary>
public sealed record PolicyView(int Version, JsonElement Policy, string Source, string? CreatedBy, DateTimeOffset? CreatedAt, string? Note);
