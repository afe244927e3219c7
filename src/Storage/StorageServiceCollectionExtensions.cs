using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AutoRespond.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <c>IDbContextFactory&lt;AutoRespondDbContext&gt;</c> for the chosen provider, the options, and
    /// the stores (<see cref="IActionLedger"/>, <see cref="IIncidentStore"/>, <see cref="IAuditLog"/>,
    /// <see cref="IBaselineStore"/>, <see cref="IPolicyStore"/>).
    /// Call <see cref="StorageInitializer.MigrateAsync"/> once at start-up before using them.
    /// </summary>
    public static IServiceCollection AddAutoRespondStorage(this IServiceCollection services, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        services.AddSingleton(options);
        services.AddLogging();

        switch (options.Provider)
        {
            case StorageProvider.Sqlite:
                services.AddDbContextFactory<SqliteAutoRespondDbContext>(
                    b => SqliteAutoRespondDbContext.Configure(b, options.SqlitePath));
                services.AddSingleton<IDbContextFactory<AutoRespondDbContext>>(sp =>
                    new DbContextFactoryAdapter<SqliteAutoRespondDbContext>(
                        sp.GetRequiredService<IDbContextFactory<SqliteAutoRespondDbContext>>()));
                break;
            case StorageProvider.Postgres:
                services.AddDbContextFactory<PostgresAutoRespondDbContext>(
                    b => PostgresAutoRespondDbContext.Configure(b, options.PostgresConnection!));
                services.AddSingleton<IDbContextFactory<AutoRespondDbContext>>(sp =>
                    new DbContextFactoryAdapter<PostgresAutoRespondDbContext>(
                        sp.GetRequiredService<IDbContextFactory<PostgresAutoRespondDbContext>>()));
                break;
        }

        services.TryAddSingleton<IActionLedger, EfActionLedger>();
        services.TryAddSingleton<IIncidentStore, EfIncidentStore>();
        services.TryAddSingleton<IAuditLog, EfAuditLog>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IBaselineStore, EfBaselineStore>();
        services.TryAddSingleton<IPolicyStore, EfPolicyStore>();
        return services;
    }
}
