using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AutoRespond.Storage;

/// <summary>Used by <c>dotnet ef migrations add … --context SqliteAutoRespondDbContext</c> only.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAutoRespondDbContext>
{
    public SqliteAutoRespondDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteAutoRespondDbContext>();
        SqliteAutoRespondDbContext.Configure(builder, "design-time.db");
        return new SqliteAutoRespondDbContext(builder.Options);
    }
}
