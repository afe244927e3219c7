using AutoRespond.Brain.Ai;
using AutoRespond.Configuration;
using AutoRespond.Contracts;
using AutoRespond.Reports.Building;
using AutoRespond.Reports.Scheduling;
using AutoRespond.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AutoRespond.Reports.Tests.Scheduling;

public sealed class AiUsagePersistenceServiceTests
{
    [Fact]
    public async Task AddAutoRespondReports_InventorySavedOnStop_ReadableByTheReportBuilder()
    {
        var ct = TestContext.Current.CancellationToken;
        string path = Path.Combine(Directory.CreateTempSubdirectory("ar-ai-store-").FullName, "s.db");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 17, 12, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
            .AddAutoRespondStorage(new StorageOptions { SqlitePath = path })
            .AddAutoRespondReports(AutoRespondConfig.Default);
        await using var provider = services.BuildServiceProvider();
        await StorageInitializer.MigrateAsync(provider, ct);
        var inventory = provider.GetRequiredService<AiUsageInventory>();
        var t = time.GetUtcNow();
        inventory.Observe(new TlsHelloSeen(t, "C1", "10.10.0.5", "104.18.32.47", 443, "chatgpt.com", "ja3", "h"));
        inventory.Observe(new FlowObserved(t.AddSeconds(5), FlowPhase.Ended, new FlowRecord("C1", t, TimeSpan.FromSeconds(5), "10.10.0.5", 50000,
            "104.18.32.47", 443, "tcp", "ssl", "SF", "ShADadFf", 1234, 5678, 10, 1634, 10, 6078, null, null, null)));

        var hosted = provider.GetServices<IHostedService>().OfType<AiUsagePersistenceService>().ShouldHaveSingleItem();
        await hosted.StartAsync(ct);
        await hosted.StopAsync(ct);

        var saved = await AiUsageStore.LoadAsync(provider.GetRequiredService<IBaselineStore>(), ct);
        var device = saved!.Services.ShouldHaveSingleItem().Devices.ShouldHaveSingleItem();
        (device.Ip, device.BytesUp, device.BytesDown).ShouldBe(("10.10.0.5", 1234L, 5678L));
        var report = await provider.GetRequiredService<ReportBuilder>().BuildAsync(t.AddDays(-1), t.AddDays(1), [], cancellationToken: ct);
        report.Ai.Services.ShouldHaveSingleItem().Id.ShouldBe("chatgpt");
        provider.GetServices<IHostedService>().OfType<ReportScheduler>().ShouldBeEmpty(); // no schedule configured
    }
}
