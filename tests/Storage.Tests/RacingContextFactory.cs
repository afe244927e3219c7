using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AutoRespond.Storage.Tests;

/// <summary>
/// Hands out ordinary SQLite contexts, except that once armed, the next context runs <c>rival</c> to completion
/// just before it saves: two workers that both read the same row, the rival committing first.
/// </summary>
public sealed class RacingContextFactory(string path) : IDbContextFactory<AutoRespondDbContext>
{
    private Func<Task>? _rival;

    public void Arm(Func<Task> rival) => _rival = rival;

    public AutoRespondDbContext CreateDbContext()
    {
        var builder = new DbContextOptionsBuilder<SqliteAutoRespondDbContext>();
        SqliteAutoRespondDbContext.Configure(builder, path);
        if (Interlocked.Exchange(ref _rival, null) is { } rival)
        {
            builder.AddInterceptors(new RunBeforeSave(rival));
        }

        return new SqliteAutoRespondDbContext(builder.Options);
    }

    private sealed class RunBeforeSave(Func<Task> rival) : SaveChangesInterceptor
    {
        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await rival();
            return result;
        }
    }
}
