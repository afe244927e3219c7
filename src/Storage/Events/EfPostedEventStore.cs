using AutoRespond.Storage.Configurations;
using AutoRespond.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace AutoRespond.Storage;

internal sealed class EfPostedEventStore(IDbContextFactory<AutoRespondDbContext> contexts) : IPostedEventStore
{
    public async Task<long> AddAsync(PostedEvent posted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(posted);
        if (posted.Kind is not (PostedEvent.IdentityKind or PostedEvent.EmailKind))
            throw new ArgumentException($"Unknown event kind '{posted.Kind}'.", nameof(posted));
        Check(posted.User, StorageLimits.Name, "user");
        Check(posted.Address, StorageLimits.Address, "address");
        Check(posted.MessageId, StorageLimits.Target, "message id");
        Check(posted.PostedBy, StorageLimits.Target, "posted_by");

        var row = new PostedEventEntity
        {
            Kind = posted.Kind, Time = posted.Time.ToUniversalTime(), User = posted.User, Address = posted.Address,
            MessageId = posted.MessageId, DetailJson = posted.DetailJson, PostedBy = posted.PostedBy, PostedAt = posted.PostedAt.ToUniversalTime(),
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.Set<PostedEventEntity>().Add(row);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return row.Id;
    }

    public async Task<IReadOnlyList<PostedEvent>> ListAsync(string? kind, string? user, string? address, DateTimeOffset? since, int max,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = db.Set<PostedEventEntity>().AsNoTracking();
        if (kind is not null) rows = rows.Where(e => e.Kind == kind);
        if (user is not null) rows = rows.Where(e => e.User == user);
        if (address is not null) rows = rows.Where(e => e.Address == address);
        if (since is { } s) { var utc = s.ToUniversalTime(); rows = rows.Where(e => e.Time >= utc); }
        var list = await rows.OrderByDescending(e => e.Time).ThenByDescending(e => e.Id).Take(max).ToListAsync(cancellationToken).ConfigureAwait(false);
        return list.ConvertAll(e => new PostedEvent(e.Id, e.Kind, e.Time.ToUniversalTime(), e.User, e.Address, e.MessageId, e.DetailJson,
            e.PostedBy, e.PostedAt.ToUniversalTime()));
    }

    private static void Check(string? value, int max, string what)
    {
        if (value is { Length: var n } && n > max)
            throw new ArgumentException($"The event's {what} is longer than {max} characters.", nameof(value));
    }
}
