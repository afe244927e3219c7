using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using AutoRespond.Brain.Snapshot;
using AutoRespond.Configuration;
using AutoRespond.Host.Bus;
using AutoRespond.Storage;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AutoRespond.Host.Roles;

/// <summary>
/// <c>autorespond brain --partition N/M</c>: consumes the sensor batches of one device partition
/// (<c>{prefix}-brain-{N}</c>), publishes <c>IncidentScored</c>, stores incidents, and saves its baselines
/// (<c>brain-{N}</c> in storage) every minute and at shutdown, loading them at start.
/// </summary>
internal static class BrainRole
{
    public static readonly TimeSpan SnapshotEvery = TimeSpan.FromMinutes(1);

    public static IHost Build(AutoRespondConfig config, int partition, bool storage, IPEndPoint? health = null)
    {
        var builder = RoleHosting.CreateBuilder("brain");
        var services = builder.Services;
        var bus = RoleHosting.BusSettingsFor(config);
        if (health is not null)
            services.AddRoleHealth(health).AddEndpointCheck("consumer", DevicePartitioner.QueueName(bus.EndpointPrefix, partition));
        services.AddSingleton(new BrainWorker(config));
        if (storage)
            services.AddAutoRespondStorage(RoleHosting.StorageOptionsFor(config));
        services.AddScoped(sp => new NetworkEventBatchConsumer(sp.GetRequiredService<BrainWorker>(), sp.GetService<IIncidentStore>()));
        services.AddHostedService(sp => new SnapshotService(sp.GetRequiredService<BrainWorker>(), sp.GetService<IBaselineStore>(),
            $"brain-{partition}", sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SnapshotService>>()));
        services.AddAutoRespondBus(bus, x => x.AddConsumer<NetworkEventBatchConsumer>().ExcludeFromConfigureEndpoints(),
            (context, endpoint) => endpoint(DevicePartitioner.QueueName(bus.EndpointPrefix, partition), e =>
            {
                e.ConcurrentMessageLimit = 1; // one brain partition learns in event-time order
                e.PrefetchCount = 16;
                e.ConfigureConsumer<NetworkEventBatchConsumer>(context);
            }));
        return builder.Build();
    }

    /// <summary>Loads the partition's baselines before the bus starts; saves them periodically and at stop.</summary>
    private sealed class SnapshotService(BrainWorker worker, IBaselineStore? store, string key, TimeProvider time,
        ILogger<SnapshotService> log) : BackgroundService
    {
        private static readonly JsonSerializerOptions Json = new()
        {
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            Converters = { new NoNulStringConverter() },
        };
        private DateTimeOffset _upTo;

        public override async Task StartAsync(CancellationToken cancellationToken)
        {
            if (store is not null && await store.LoadAsync(key, cancellationToken) is { } stored
                && JsonSerializer.Deserialize<BrainSnapshot>(stored.Json, Json) is { } snapshot)
            {
                lock (worker) worker.Engine.Import(snapshot);
                log.LogInformation("brain {Partition}: baselines loaded (up to {UpTo:o})", key, stored.UpTo);
            }
            await base.StartAsync(cancellationToken);
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(SnapshotEvery, time);
            try
            {
                while (await timer.WaitForNextTickAsync(stoppingToken))
                    await SaveAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
            }
        }

        public override async Task StopAsync(CancellationToken cancellationToken)
        {
            await base.StopAsync(cancellationToken);
            await SaveAsync(cancellationToken);
            log.LogInformation("brain {Partition}: {Batches} batches, {Events} events, {Duplicates} redelivered batches skipped",
                key, worker.Batches, worker.Engine.EventsProcessed, worker.DuplicateBatches);
        }

        /// <summary>A failed save is logged and retried at the next tick: losing a snapshot must not stop the learning.</summary>
        private async Task SaveAsync(CancellationToken cancellationToken)
        {
            if (store is null) return;
            string json;
            lock (worker)
            {
                if (worker.Engine.EventsProcessed == 0) return;
                json = JsonSerializer.Serialize(worker.Engine.Export(), Json);
                _upTo = time.GetUtcNow();
            }
            try
            {
                await store.SaveAsync(key, json, _upTo, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "brain {Partition}: saving the baselines failed; retrying at the next tick", key);
            }
        }
    }

    /// <summary>PostgreSQL <c>jsonb</c> rejects <c>\u0000</c>; a NUL inside a string learnt from the wire (a padded host name) becomes U+FFFD.</summary>
    private sealed class NoNulStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Contains('\0', StringComparison.Ordinal) ? value.Replace('\0', '\uFFFD') : value);
    }
}
