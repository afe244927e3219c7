using System.Text.Json;
using AutoRespond.Responders.WhatIf;

namespace AutoRespond.Api.Policies;

/// <summary>What a PUT stored: the new version, what changed from the previous one, and the validator's warnings.</summary>
public sealed record PolicySaved(int Version, int PreviousVersion, IReadOnlyList<PolicyChange> Diff, IReadOnlyList<string> Warnings);
