using System.Net;
using AutoRespond.Api.Actions;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Windows;

namespace AutoRespond.Api.Windows;

/// <summary>The preview of a window over the last <see cref="Days"/> days: how many actions were examined, which would change.</summary>
public sealed record WindowPreviewResult(string Window, int Days, DateTimeOffset From, DateTimeOffset To, int Examined,
    IReadOnlyList<PreviewedAction> Changed);
