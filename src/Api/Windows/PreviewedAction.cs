using System.Net;
using AutoRespond.Api.Actions;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Responders.Windows;

namespace AutoRespond.Api.Windows;

/// <summary>An action the previewed window would have decided differently.</summary>
public sealed record PreviewedAction(ActionView Action, string WouldBe, DateTimeOffset OccurrenceStart, DateTimeOffset OccurrenceEnd);
