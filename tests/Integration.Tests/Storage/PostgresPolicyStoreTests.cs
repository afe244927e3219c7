using System.Text.Json;
using AutoRespond.Storage;
using AutoRespond.TestUtils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRespond.Integration.Tests.Storage;

/// <summary>The versioned policy store on a real PostgreSQL (identity versions, jsonb, timestamptz); each test in its own database.</summary>
public sealed class PostgresPolicyStoreTests
{
    private static readonly DateTimeOffset T0 = new(2027, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SaveGetList_JsonbColumn_AppendsAscendingVersions()
    {
        await using var pg = await PostgresStorage.CreateAsync(IntegrationEnvironment.RequirePostgres(), Ct);
        var store = pg.Policies;

        (await store.GetCurrentAsync(Ct)).ShouldBeNull();
        // +02:00: timestamptz accepts offset zero only, so the store must convert.
        (await store.SaveAsync("""{"mode":"dry-run","limits":{"max_active_actions":5}}""", "alice", "first",
            T0.ToOffset(TimeSpan.FromHours(2)), Ct)).ShouldBe(1);
        (await store.SaveAsync("""{"mode":"autonomous"}""", "bob", null, T0.AddHours(1), Ct)).ShouldBe(2);

        var current = (await store.GetCurrentAsync(Ct)).ShouldNotBeNull();
        current.Version.ShouldBe(2);
        current.CreatedBy.ShouldBe("bob");
        current.Note.ShouldBeNull();
        var first = (await store.GetAsync(1, Ct)).ShouldNotBeNull();
        first.CreatedAt.ShouldBe(T0);
        first.CreatedAt.Offset.ShouldBe(TimeSpan.Zero);
        JsonDocument.Parse(first.Json).RootElement.GetProperty("limits").GetProperty("max_active_actions").GetInt32().ShouldBe(5);
        (await store.ListAsync(10, Ct)).Select(p => p.Version).ShouldBe([2, 1]);
        (await store.GetAsync(3, Ct)).ShouldBeNull();

        await using var db = await pg.Services.GetRequiredService<IDbContextFactory<AutoRespondDbContext>>().CreateDbContextAsync(Ct);
        var type = await db.Database
            .SqlQueryRaw<string>("SELECT data_type AS \"Value\" FROM information_schema.columns "
                + "WHERE table_name = 'policies' AND column_name = 'policy_json'")
            .SingleAsync(Ct);
        type.ShouldBe("jsonb");
    }
}
