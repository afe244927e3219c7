using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AutoRespond.Storage;

/// <summary>
/// Used by <c>dotnet ef migrations add … --context PostgresAutoRespondDbContext</c> only; generating a
/// migration does not connect, so the connection string is a placeholder.
/// </summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAutoRespondDbContext>
{
    public PostgresAutoRespondDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresAutoRespondDbContext>();
        PostgresAutoRespondDbContext.Configure(builder, "Host=localhost;Database=autorespond_design");
        return new PostgresAutoRespondDbContext(builder.Options);
    }
}
