using System.Text.Json;
using AutoRespond.Responders.WhatIf;

namespace AutoRespond.Api.Policies;

/// <summary>One changed value between two policy versions; <see cref="Before"/> or <see cref="After"/> is null when absent.</summary>
public sealed record PolicyChange(string Path, string? Before, string? After);
