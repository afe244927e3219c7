using System.Text.Json;
using AutoRespond.Storage;
using AutoRespond.TestUtils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Integration.Tests.Storage;

/// <summary>The brain snapshot store on a real PostgreSQL (jsonb column, timestamptz in UTC); each test in its own database.</summary>
public sealed class PostgresBaselineStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 22, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaveLoad_JsonbColumn_RoundTripsAndReplacesPerPartition()
    {
        await using var pg = await PostgresStorage.CreateAsync(IntegrationEnvironment.RequirePostgres(), Ct);
        var store = pg.Baselines;

        (await store.LoadAsync("default", Ct)).ShouldBeNull();
        // An offset of +02:00: timestamptz accepts offset zero only, so the store must convert.
        await store.SaveAsync("default", """{"version":1,"now":"2026-12-05T22:00:00+00:00","values":[0.1,1e-7]}""",
            T0.ToOffset(TimeSpan.FromHours(2)), Ct);
        await store.SaveAsync("plant-b", """{"version":1}""", T0, Ct);
        await store.SaveAsync("default", """{"version":1,"values":[0.30000000000000004,2.5e-9]}""", T0.AddHours(36), Ct);

        var loaded = (await store.LoadAsync("default", Ct)).ShouldNotBeNull();
        loaded.UpTo.ShouldBe(T0.AddHours(36));
        loaded.UpTo.Offset.ShouldBe(TimeSpan.Zero);
        var values = JsonDocument.Parse(loaded.Json).RootElement.GetProperty("values");
        values[0].GetDouble().ShouldBe(0.30000000000000004);
        values[1].GetDouble().ShouldBe(2.5e-9);
        (await store.LoadAsync("plant-b", Ct)).ShouldNotBeNull().UpTo.ShouldBe(T0);

        await using var db = await pg.Services.GetRequiredService<IDbContextFactory<AutoRespondDbContext>>().CreateDbContextAsync(Ct);
        var type = await db.Database
            .SqlQueryRaw<string>("SELECT data_type AS \"Value\" FROM information_schema.columns "
                + "WHERE table_name = 'brain_snapshots' AND column_name = 'snapshot_json'")
            .SingleAsync(Ct);
        type.ShouldBe("jsonb");
    }
}
