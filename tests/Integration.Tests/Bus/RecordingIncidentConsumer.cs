using AutoRespond.Contracts;
using MassTransit;

namespace AutoRespond.Integration.Tests.Bus;

/// <summary>Stand-in responder: records every <see cref="IncidentScored"/> it receives into <see cref="IncidentRecorder"/>.</summary>
public sealed class RecordingIncidentConsumer(IncidentRecorder recorder) : IConsumer<IncidentScored>
{
    public Task Consume(ConsumeContext<IncidentScored> context)
    {
        var attempt = recorder.NoteAttempt(context.Message.Id);
        if (attempt <= recorder.FailFirstAttempts)
        {
            throw new InvalidOperationException($"Simulated responder failure on attempt {attempt}.");
        }

        recorder.Record(context.Message);
        return Task.CompletedTask;
    }
}
