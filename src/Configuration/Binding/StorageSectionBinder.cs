using YamlDotNet.RepresentationModel;

namespace AutoRespond.Configuration.Binding;

/// <summary>Binds <c>storage:</c>: an SQLite path or a PostgreSQL connection string.</summary>
internal static class StorageSectionBinder
{
    private static readonly string[] Keys = ["provider", "path", "connection"];

    private static readonly ValueKind<StorageProvider> Provider =
        ValueKinds.OneOf(("sqlite", StorageProvider.Sqlite), ("postgres", StorageProvider.Postgres));

    public static StorageConfig Bind(BindContext context, YamlNode? node)
    {
        if (YamlSection.Open(context, node, "storage", Keys) is not { } section)
        {
            return StorageConfig.Default;
        }

        var provider = section.GetValue("provider", Provider);
        if (provider is null && section.Has("provider"))
        {
            // The provider is reported; check the other values' form without guessing which one is meant.
            section.Get("path", ValueKinds.Text);
            section.Get("connection", ValueKinds.Text);
            return StorageConfig.Default;
        }

        if (provider == StorageProvider.Postgres)
        {
            section.RejectIfPresent("path", "'path' is only used with provider: sqlite");
            var connection = section.Get("connection", ValueKinds.Text, required: true);
            return new StorageConfig(StorageProvider.Postgres, StorageConfig.DefaultPath, connection) { IsExplicit = true };
        }

        section.RejectIfPresent("connection", "'connection' is only used with provider: postgres");
        return new StorageConfig(StorageProvider.Sqlite, section.Get("path", ValueKinds.Text) ?? StorageConfig.DefaultPath, null)
        {
            IsExplicit = true,
        };
    }
}
